-- Process authenticator: who may send admin and inter-process actions.
-- The owner and the process itself are always trusted; peers must be registered with a role.
local M = {}

local registry = {}
local ownerId = nil
local selfId = nil

--- config = {owner = "...", processes = {[id] = role, ...}}; defaults from the aos globals.
function M.initialize(config)
  config = config or {}
  registry = {}
  ownerId = config.owner or (type(Owner) == "string" and Owner) or nil
  selfId = config.self or (type(ao) == "table" and ao.id) or nil
  for id, role in pairs(config.processes or {}) do
    registry[id] = role
  end
  return true
end

--- Adds or updates a trusted peer.
function M.registerProcess(id, role)
  if type(id) ~= "string" or #id == 0 then return false, "process id required" end
  registry[id] = role or "peer"
  return true
end

function M.unregisterProcess(id)
  local had = registry[id] ~= nil
  registry[id] = nil
  return had
end

function M.isOwner(msg)
  local from = msg and msg.From
  local owner = ownerId or (type(Owner) == "string" and Owner) or nil
  return from ~= nil and from == owner
end

--- True when msg comes from the owner, this process, or a peer with the given role
--- (any registered role when role is nil).
function M.isAuthorized(msg, role)
  if type(msg) ~= "table" or msg.From == nil then return false end
  if M.isOwner(msg) then return true end
  if selfId ~= nil and msg.From == selfId then return true end
  local registered = registry[msg.From]
  if registered == nil then return false end
  if role == nil or registered == role or registered == "admin" then return true end
  return false
end

function M.roleOf(id)
  return registry[id]
end

--- Sorted list of {id, role}, for process lists and status replies.
function M.list()
  local out = {}
  for id, role in pairs(registry) do out[#out + 1] = { id = id, role = role } end
  table.sort(out, function(a, b) return a.id < b.id end)
  return out
end

return M
