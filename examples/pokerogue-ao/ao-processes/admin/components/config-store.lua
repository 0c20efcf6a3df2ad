-- Live configuration of the game, changed by ADMIN_SET_CONFIG (owner only).
local tableUtils = require("admin.components.table-utils")

local M = {}

-- each key: expected type and an optional check
M.SCHEMA = {
  maintenance = { type = "boolean" },
  maxSessions = { type = "number", min = 1, max = 5000 },
  shopDiscount = { type = "number", min = 0, max = 50 },
  expMultiplier = { type = "number", min = 1, max = 5 },
  motd = { type = "string", maxLength = 280 },
  difficulty = { type = "string", oneOf = { "easy", "normal", "hard" } },
}

local DEFAULTS = {
  maintenance = false,
  maxSessions = 500,
  shopDiscount = 0,
  expMultiplier = 1,
  motd = "Welcome to PokeRogue on AO",
  difficulty = "normal",
}

local config = tableUtils.deepCopy(DEFAULTS)
local revision = 0
local changes = {}

function M.reset()
  config = tableUtils.deepCopy(DEFAULTS)
  revision = 0
  changes = {}
end

--- Checks one key/value; returns nil when valid, else a problem text.
function M.problem(key, value)
  local rule = M.SCHEMA[key]
  if not rule then return "unknown config key " .. tostring(key) end
  if type(value) ~= rule.type then return key .. " must be a " .. rule.type end
  if rule.min and value < rule.min then return key .. " must be >= " .. rule.min end
  if rule.max and value > rule.max then return key .. " must be <= " .. rule.max end
  if rule.maxLength and #value > rule.maxLength then return key .. " is longer than " .. rule.maxLength end
  if rule.oneOf and not tableUtils.contains(rule.oneOf, value) then
    return key .. " must be one of " .. table.concat(rule.oneOf, ", ")
  end
  return nil
end

--- Applies a table of changes atomically; returns the new config or nil, problem.
function M.apply(updates, by, ts)
  for _, key in ipairs(tableUtils.sortedKeys(updates)) do
    local problem = M.problem(key, updates[key])
    if problem then return nil, problem end
  end
  config = tableUtils.merge(config, updates)
  revision = revision + 1
  changes[#changes + 1] = { revision = revision, by = by, ts = ts or 0, keys = tableUtils.sortedKeys(updates) }
  if #changes > 50 then table.remove(changes, 1) end
  return M.get()
end

function M.get()
  return tableUtils.deepCopy(config)
end

function M.revision()
  return revision
end

function M.changes(n)
  return tableUtils.slice(changes, math.max(1, #changes - (n or 5) + 1), #changes)
end

return M
