-- Shop request checks from the single-process era; the economy process still uses them.
local M = {}

M.MAX_QUANTITY = 99

-- helpers re-written here rather than shared (as in the original handler modules)
local function deepCopy(original)
  if type(original) ~= "table" then return original end
  local copy = {}
  for key, value in pairs(original) do copy[key] = deepCopy(value) end
  return copy
end

local function createErrorResponse(code, message)
  return { success = false, error = true, code = code, message = message }
end

--- Normalises a purchase/sale request; returns request or nil, errorResponse.
function M.parseTradeRequest(data)
  if type(data) ~= "table" then return nil, createErrorResponse("INVALID_VALUE", "data must be an object") end
  local itemId = data.itemId
  if itemId == nil or itemId == "" then return nil, createErrorResponse("MISSING_FIELD", "itemId") end
  if type(itemId) == "string" and tonumber(itemId) then itemId = math.tointeger(tonumber(itemId)) or itemId end
  local qty = data.quantity
  if qty == nil then qty = 1 end
  qty = math.tointeger(tonumber(qty))
  if qty == nil or qty < 1 then return nil, createErrorResponse("INVALID_VALUE", "quantity must be a positive integer") end
  if qty > M.MAX_QUANTITY then return nil, createErrorResponse("LIMIT_EXCEEDED", "at most " .. M.MAX_QUANTITY .. " per trade") end
  return { itemId = itemId, quantity = qty, options = deepCopy(data.options or {}) }
end

--- The shape the old shop replied with; kept for clients that read "success".
function M.formatTrade(kind, request, amount, balance, receiptId)
  return {
    success = true,
    kind = kind,
    itemId = request.itemId,
    quantity = request.quantity,
    amount = amount,
    balance = balance,
    receipt = receiptId,
  }
end

M.createErrorResponse = createErrorResponse

return M
