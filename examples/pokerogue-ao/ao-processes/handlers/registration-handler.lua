-- REGISTER_PROCESS and PROCESS_LIST: a process info table fed by the owner (shared by several processes).
local registry = require("game-logic.process-coordination.process-registry")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local response = require("game-logic.utils.response")
local protocol = require("game-logic.process-coordination.protocol")

local M = {}

--- Data {name, id} or {processes = {name = id, ...}}; owner or admin process only.
function M.register(msg, data)
  if not authenticator.isAuthorized(msg, "admin") then
    return response.error(msg, "UNAUTHORIZED", "only the owner registers processes")
  end
  local entries = {}
  if type(data.processes) == "table" then
    for name, id in pairs(data.processes) do entries[#entries + 1] = { name = name, id = id } end
    table.sort(entries, function(a, b) return tostring(a.name) < tostring(b.name) end)
  elseif data.name then
    entries[1] = { name = data.name, id = data.id }
  else
    return response.error(msg, "MISSING_FIELD", "name and id, or processes")
  end
  for _, e in ipairs(entries) do
    local ok, err = registry.register(e.name, e.id)
    if not ok then return response.error(msg, "INVALID_VALUE", err) end
  end
  return response.ok(msg, { registered = #entries, processes = registry.list() })
end

function M.list(msg)
  return response.ok(msg, { processes = registry.list(), known = protocol.PROCESS_NAMES })
end

return M
