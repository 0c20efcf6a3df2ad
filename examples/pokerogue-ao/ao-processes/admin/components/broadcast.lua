-- ADMIN_BROADCAST: one ao.send per registered process, ids sorted so the outbox order is stable.
local registry = require("game-logic.process-coordination.process-registry")
local correlator = require("game-logic.process-coordination.message-correlator")
local codec = require("game-logic.utils.json-codec")

local M = {}

local sent = 0
local last = nil

--- Sends {Action=action, Data=json(payload)} to every peer except this process.
function M.toAll(action, payload, ts)
  local targets = {}
  for _, p in ipairs(registry.list()) do
    if p.id ~= ao.id then targets[#targets + 1] = p end
  end
  local id = correlator.generateId("broadcast")
  for _, p in ipairs(targets) do
    ao.send({ Target = p.id, Action = action, ["Broadcast-Id"] = id, Data = codec.encode(payload) })
    sent = sent + 1
  end
  last = { id = id, action = action, targets = #targets, ts = ts or 0 }
  return last, targets
end

function M.last()
  return last
end

function M.sentCount()
  return sent
end

return M
