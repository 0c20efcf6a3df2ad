-- Shop prices: buy price with an optional percent discount, sell price at half price,
-- treasures are sell-only and the master ball cannot be bought or sold.
local items = require("data.items.item-database")
local berries = require("data.items.berry-database")
require("data.constants.game-constants")

local M = {}

local function record(id)
  return items.get(id) or berries.get(id)
end

--- Total price of qty units, or nil plus an error code.
function M.buyPrice(id, qty, opts)
  local item = record(id)
  if item == nil then return nil, "UNKNOWN_ITEM" end
  if item.sellOnly or item.price == nil or item.price <= 0 then return nil, "NOT_FOR_SALE" end
  qty = qty or 1
  if math.type(qty) ~= "integer" or qty <= 0 then return nil, "INVALID_QUANTITY" end
  local discount = opts and opts.discountPercent or 0
  if discount < 0 or discount > 50 then return nil, "INVALID_DISCOUNT" end
  local unit = item.price * (100 - discount) // 100
  return unit * qty
end

function M.sellPrice(id, qty)
  local item = record(id)
  if item == nil then return nil, "UNKNOWN_ITEM" end
  if item.sellable == false or (item.price or 0) <= 0 then return nil, "CANNOT_SELL" end
  qty = qty or 1
  if math.type(qty) ~= "integer" or qty <= 0 then return nil, "INVALID_QUANTITY" end
  return (item.price // GameConstants.SELL_DIVISOR) * qty
end

function M.canAfford(balance, price)
  return type(balance) == "number" and type(price) == "number" and balance >= price
end

return M
