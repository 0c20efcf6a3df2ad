-- Requests to peer processes: correlation id, tracking, ao.send; and matching replies.
local correlator = require("game-logic.process-coordination.message-correlator")
local registry = require("game-logic.process-coordination.process-registry")
local codec = require("game-logic.utils.json-codec")

local M = {}

local sentCount = 0

--- Sends {Action=action, Data=json(data)} to the named peer; returns correlationId or nil, err.
function M.request(targetName, action, data, originMsg)
  local target = registry.idOf(targetName)
  if target == nil then return nil, "process " .. tostring(targetName) .. " is not registered" end
  local id = correlator.generateId(targetName)
  correlator.track(id, {
    target = targetName,
    action = action,
    timestamp = originMsg and originMsg.Timestamp or 0,
    origin = originMsg and originMsg.From or nil,
  })
  ao.send({
    Target = target,
    Action = action,
    ["Correlation-Id"] = id,
    Data = codec.encode(data or {}),
  })
  sentCount = sentCount + 1
  return id
end

--- Fire-and-forget notice (no tracking).
function M.notify(targetName, action, data)
  local target = registry.idOf(targetName)
  if target == nil then return false end
  ao.send({ Target = target, Action = action, Data = codec.encode(data or {}) })
  sentCount = sentCount + 1
  return true
end

--- For a reply: resolves its Correlation-Id; returns the tracked info or nil.
function M.matchReply(msg)
  local id = msg and msg.Tags and msg.Tags["Correlation-Id"]
  if not id then return nil end
  return correlator.resolve(id)
end

function M.sent()
  return sentCount
end

return M
