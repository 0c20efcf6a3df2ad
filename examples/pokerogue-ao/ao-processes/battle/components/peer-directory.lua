-- Process ids of the peers this battle process talks to (coordinator, pokemon, security),
-- registered at run time by the owner through BATTLE_COORDINATION.
local M = {}

local peers = {}

function M.set(role, processId)
  peers[role] = processId
end

function M.get(role)
  return peers[role]
end

--- Sorted {role, processId} list for replies.
function M.list()
  local roles = {}
  for role in pairs(peers) do roles[#roles + 1] = role end
  table.sort(roles)
  local out = {}
  for i, role in ipairs(roles) do out[i] = { role = role, processId = peers[role] } end
  return out
end

function M.reset()
  peers = {}
end

return M