-- SHOP_LIST / SHOP_PURCHASE / SHOP_SELL.
local catalog = require("economy.components.shop-catalog")
local wallet = require("economy.components.wallet")
local inventoryStore = require("economy.components.inventory-store")
local receipts = require("economy.components.receipt-log")
local shopStock = require("economy.components.shop-stock")
local shopHandler = require("handlers.shop-handler")
local response = require("game-logic.utils.response")
local timeUtils = require("game-logic.utils.time-utils")
require("data.constants.game-constants")

local M = {}

local KINDS = { ball = true, medicine = true, evolution = true, held = true, vitamin = true, candy = true, treasure = true, berry = true }

function M.list(msg, data)
  if data.kind ~= nil and not KINDS[data.kind] then
    return response.error(msg, "INVALID_VALUE", "unknown kind " .. tostring(data.kind))
  end
  local page = math.tointeger(tonumber(data.page or 1)) or 1
  if page < 1 then return response.error(msg, "INVALID_VALUE", "page must be >= 1") end
  local ts = timeUtils.timestampOf(msg)
  local entries, total = catalog.list(data.kind, page, 20, ts)
  return response.ok(msg, { items = entries, total = total, page = page, dailyDeal = catalog.dailyDeal(ts) })
end

function M.purchase(msg, data)
  local request, problem = shopHandler.parseTradeRequest(data)
  if not request then return response.error(msg, problem.code, problem.message) end
  local ts = timeUtils.timestampOf(msg)
  local price, why = catalog.buyPrice(request.itemId, request.quantity, ts)
  if price == nil then
    if why == "OUT_OF_STOCK" then return response.error(msg, why, tostring(request.itemId) .. " is not sold in the shop") end
    return response.error(msg, "NOT_FOUND", "no item " .. tostring(request.itemId))
  end
  local maxStack = (GameConstants and GameConstants.MAX_STACK) or 99
  if inventoryStore.count(msg.From, request.itemId) + request.quantity > maxStack then
    return response.error(msg, "LIMIT_EXCEEDED", "cannot hold more than " .. maxStack)
  end
  local left = shopStock.left(request.itemId, ts)
  if left ~= nil and left < request.quantity then
    return response.error(msg, "OUT_OF_STOCK", "only " .. left .. " " .. tostring(request.itemId) .. " left today")
  end
  local balance, shortfall = wallet.debit(msg.From, price, "purchase", ts)
  if not balance then
    return response.error(msg, "INSUFFICIENT_FUNDS", "needs " .. price .. ", short by " .. shortfall)
  end
  shopStock.take(request.itemId, request.quantity, ts)
  inventoryStore.add(msg.From, request.itemId, request.quantity)
  local receipt = receipts.issue("purchase", msg.From, request.itemId, request.quantity, price, ts)
  return response.ok(msg, shopHandler.formatTrade("purchase", request, price, balance, receipt.id))
end

function M.sell(msg, data)
  local request, problem = shopHandler.parseTradeRequest(data)
  if not request then return response.error(msg, problem.code, problem.message) end
  local held = inventoryStore.count(msg.From, request.itemId)
  if held < request.quantity then
    return response.error(msg, "INVALID_VALUE", "holds " .. held .. " of item " .. tostring(request.itemId))
  end
  local amount, why = catalog.sellPrice(request.itemId, request.quantity)
  if amount == nil then return response.error(msg, why or "NOT_FOUND", "cannot sell " .. tostring(request.itemId)) end
  local ts = timeUtils.timestampOf(msg)
  inventoryStore.remove(msg.From, request.itemId, request.quantity)
  shopStock.give(request.itemId, request.quantity, ts)
  local balance = wallet.credit(msg.From, amount, "sale", ts)
  local receipt = receipts.issue("sale", msg.From, request.itemId, request.quantity, amount, ts)
  return response.ok(msg, shopHandler.formatTrade("sale", request, amount, balance, receipt.id))
end

return M
