-- LEGACY (single-process era): read-only queries over the old global state tables.
-- Every process answers its own queries now; nothing requires this module.
local tableUtils = require("game-logic.utils.table-utils")

local QueryHandler = {}

local function shallowMerge(a, b)
  local out = {}
  for k, v in pairs(a or {}) do out[k] = v end
  for k, v in pairs(b or {}) do out[k] = v end
  return out
end

local function errorReply(code, text)
  return { error = true, code = code, message = text }
end

--- Pages through a global table (PlayerStates, BattleStates, ...) in sorted key order.
function QueryHandler.page(globalName, page, size)
  local source = _G[globalName]
  if type(source) ~= "table" then return errorReply("NOT_FOUND", "no global table " .. tostring(globalName)) end
  local keys = tableUtils.sortedKeys(source)
  page, size = page or 1, size or 10
  local out = {}
  for i = (page - 1) * size + 1, math.min(#keys, page * size) do
    out[#out + 1] = shallowMerge({ key = keys[i] }, type(source[keys[i]]) == "table" and source[keys[i]] or { value = source[keys[i]] })
  end
  return { items = out, total = #keys, page = page }
end

function QueryHandler.count(globalName)
  local source = _G[globalName]
  if type(source) ~= "table" then return errorReply("NOT_FOUND", "no global table " .. tostring(globalName)) end
  return { count = tableUtils.count(source) }
end

return QueryHandler
