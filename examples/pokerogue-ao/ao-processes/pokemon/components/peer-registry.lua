-- Peers of the pokemon process (battle, coordinator, ...), registered by the owner.
local authenticator = require("game-logic.process-coordination.process-authenticator")

local M = {}

local peers = {}

function M.register(role, processId)
  peers[role] = processId
  authenticator.registerProcess(processId, role)
end

function M.get(role)
  return peers[role]
end

function M.list()
  local roles = {}
  for role in pairs(peers) do roles[#roles + 1] = role end
  table.sort(roles)
  local out = {}
  for i, role in ipairs(roles) do out[i] = { role = role, processId = peers[role] } end
  return out
end

return M
