-- Process info table: peer names -> process ids. Learned from spawn tags (Process-Battle=... or
-- Process-Id-battle=..., the form the verify world uses)
-- or from REGISTER_PROCESS / admin config messages; never hard-coded.
local protocol = require("game-logic.process-coordination.protocol")
local authenticator = require("game-logic.process-coordination.process-authenticator")

local M = {}

local byName = {}
local byId = {}
local info = {}

local function spawnTags()
  if type(ao) ~= "table" or type(ao.env) ~= "table" or type(ao.env.Process) ~= "table" then
    return {}
  end
  local tags = ao.env.Process.Tags or {}
  -- aos normalises spawn tags to a map; older builds keep the {name, value} list
  if tags[1] ~= nil then
    local map = {}
    for _, t in ipairs(tags) do map[t.name] = t.value end
    return map
  end
  return tags
end

--- info = {name, version, description}; reads peer ids from the spawn tags.
function M.initialize(selfInfo)
  byName, byId = {}, {}
  info = selfInfo or {}
  local tags = spawnTags()
  for _, name in ipairs(protocol.PROCESS_NAMES) do
    local id = tags[protocol.spawnTagFor(name)] or tags["Process-Id-" .. name]
    -- a process never lists itself as a peer
    if type(id) == "string" and id ~= "" and not (type(ao) == "table" and id == ao.id) then M.register(name, id) end
  end
  return M.count()
end

function M.register(name, id)
  if not protocol.isKnownProcess(name) then return false, "unknown process name " .. tostring(name) end
  if type(id) ~= "string" or id == "" then return false, "process id required" end
  local old = byName[name]
  if old then byId[old] = nil end
  byName[name] = id
  byId[id] = name
  authenticator.registerProcess(id, protocol.ROLES[name])
  return true
end

function M.idOf(name)
  return byName[name]
end

function M.nameOf(id)
  return byId[id]
end

function M.count()
  local n = 0
  for _ in pairs(byName) do n = n + 1 end
  return n
end

--- Sorted {name, id} list.
function M.list()
  local out = {}
  for _, name in ipairs(protocol.PROCESS_NAMES) do
    if byName[name] then out[#out + 1] = { name = name, id = byName[name] } end
  end
  return out
end

function M.selfInfo()
  return {
    name = info.name or (type(Name) == "string" and Name) or "process",
    version = info.version or protocol.VERSION,
    description = info.description or "",
    id = type(ao) == "table" and ao.id or nil,
  }
end

return M
