-- Action validation from the single-process era; the security process still calls it.
local M = {}

-- own copies of the usual helpers (see the README: planted duplication)
local function deepCopy(obj)
  if type(obj) ~= "table" then return obj end
  local res = {}
  for k, v in pairs(obj) do res[deepCopy(k)] = deepCopy(v) end
  return res
end

local function mergeTables(base, extra)
  local result = deepCopy(base)
  for k, v in pairs(extra or {}) do result[k] = v end
  return result
end

local function errorResult(code, message)
  return { valid = false, code = code, message = message }
end

M.RULES = {
  BATTLE_COMMAND = { fields = { "battleId", "moveIndex" }, moveIndex = { 1, 4 } },
  SWITCH = { fields = { "battleId", "slot" }, slot = { 1, 6 } },
  SHOP_PURCHASE = { fields = { "itemId", "quantity" }, quantity = { 1, 99 } },
  USE_ITEM = { fields = { "itemId" } },
  CAPTURE = { fields = { "battleId", "ballId" } },
  SAVE = { fields = { "slot" }, slot = { 1, 5 } },
}

--- Checks an action description {action, details}; returns {valid=true} or an error result.
function M.validateAction(request)
  if type(request) ~= "table" or type(request.action) ~= "string" then
    return errorResult("MISSING_FIELD", "action")
  end
  local rule = M.RULES[request.action]
  if not rule then return errorResult("INVALID_ACTION", "unknown action " .. request.action) end
  local details = request.details or {}
  for _, field in ipairs(rule.fields) do
    if details[field] == nil then return errorResult("MISSING_FIELD", request.action .. " needs " .. field) end
    local range = rule[field]
    if range then
      local v = tonumber(details[field])
      if v == nil or v < range[1] or v > range[2] then
        return errorResult("INVALID_VALUE", string.format("%s.%s must be %d..%d", request.action, field, range[1], range[2]))
      end
    end
  end
  return mergeTables({ valid = true }, { action = request.action })
end

return M
