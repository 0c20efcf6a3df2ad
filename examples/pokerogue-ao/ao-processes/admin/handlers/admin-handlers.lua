-- ADMIN_SET_CONFIG / ADMIN_BROADCAST (owner only).
local configStore = require("admin.components.config-store")
local broadcast = require("admin.components.broadcast")
local adminHandler = require("handlers.admin-handler")
local response = require("game-logic.utils.response")
local registry = require("game-logic.process-coordination.process-registry")
local timeUtils = require("game-logic.utils.time-utils")
local maintenance = require("admin.components.maintenance-schedule")

local M = {}

--- Data {key, value} or {config = {...}}; {processes = {name = id}} registers peers too.
function M.setConfig(msg, data)
  local denied = adminHandler.checkOwner(msg)
  if denied then return response.error(msg, denied.code, denied.message) end
  local updates = {}
  if type(data.config) == "table" then
    updates = data.config
  elseif data.key ~= nil then
    updates[data.key] = data.value
  end
  -- check every config value before registering anything, so a bad request changes nothing
  for key, value in pairs(updates) do
    local problem = configStore.problem(key, value)
    if problem then return response.error(msg, "INVALID_VALUE", problem) end
  end
  local registered = 0
  if type(data.processes) == "table" then
    local names = {}
    for name in pairs(data.processes) do names[#names + 1] = name end
    table.sort(names)
    for _, name in ipairs(names) do
      local ok, err = registry.register(name, data.processes[name])
      if not ok then return response.error(msg, "INVALID_VALUE", err) end
      registered = registered + 1
    end
  end
  if next(updates) == nil and registered == 0 then
    return response.error(msg, "MISSING_FIELD", "key and value, config or processes")
  end
  local config = configStore.get()
  if next(updates) ~= nil then
    local newConfig, problem = configStore.apply(updates, msg.From, timeUtils.timestampOf(msg))
    if not newConfig then return response.error(msg, "INVALID_VALUE", problem) end
    config = newConfig
  end
  adminHandler.audit(msg, "ADMIN_SET_CONFIG", updates)
  return response.ok(msg, { config = config, revision = configStore.revision(), registered = registered })
end

function M.broadcast(msg, data)
  local denied = adminHandler.checkOwner(msg)
  if denied then return response.error(msg, denied.code, denied.message) end
  if type(data.message) ~= "string" or data.message == "" then
    return response.error(msg, "MISSING_FIELD", "message")
  end
  local action = data.action or "ADMIN_NOTICE"
  if action ~= "ADMIN_NOTICE" and action ~= "HEALTH_CHECK" then
    return response.error(msg, "INVALID_VALUE", "broadcast action must be ADMIN_NOTICE or HEALTH_CHECK")
  end
  local sent = broadcast.toAll(action, { message = data.message, level = data.level or "info" }, timeUtils.timestampOf(msg))
  adminHandler.audit(msg, "ADMIN_BROADCAST", { action = action, targets = sent.targets })
  return response.ok(msg, { broadcastId = sent.id, targets = sent.targets, action = action })
end

--- ADMIN_MAINTENANCE: {startsAt, durationMs, reason} plans a window, {cancel = id} removes one.
function M.maintenance(msg, data)
  local denied = adminHandler.checkOwner(msg)
  if denied then return response.error(msg, denied.code, denied.message) end
  local ts = timeUtils.timestampOf(msg)
  if data.cancel ~= nil then
    if not maintenance.cancel(data.cancel) then return response.error(msg, "NOT_FOUND", "no window " .. tostring(data.cancel)) end
    adminHandler.audit(msg, "ADMIN_MAINTENANCE", { cancel = data.cancel })
    return response.ok(msg, { cancelled = data.cancel, upcoming = maintenance.upcoming(ts) })
  end
  local window, problem = maintenance.plan(math.tointeger(data.startsAt), math.tointeger(data.durationMs), data.reason, ts)
  if not window then return response.error(msg, "INVALID_VALUE", problem) end
  adminHandler.audit(msg, "ADMIN_MAINTENANCE", window)
  return response.ok(msg, { window = window, upcoming = maintenance.upcoming(ts) })
end

return M
