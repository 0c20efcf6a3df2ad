-- The shop's listing: every item and berry with a price, plus a daily deal picked by the
-- economy's own RNG copy (seeded with the day and the message timestamp).
local itemDatabase = require("data.items.item-database")
local berryDatabase = require("data.items.berry-database")
local shopPricing = require("game-logic.items.shop-pricing")
local seedManager = require("game-logic.rng.seed-manager")
local timeUtils = require("game-logic.utils.time-utils")
local rng = require("economy.components.battle-rng")
local shopStock = require("economy.components.shop-stock")

local M = {}

M.DEAL_DISCOUNT = 20 -- percent

local dealDay = nil
local dealItem = nil

--- The day's discounted item id; re-rolled when the day changes.
function M.dailyDeal(ts)
  local day = timeUtils.dayIndex(ts)
  if day ~= dealDay then
    rng.initGlobalRNG(seedManager.shopSeed(day), day * 86400000)
    local ids = itemDatabase.ids()
    local candidates = {}
    for _, id in ipairs(ids) do
      if M.buyable(itemDatabase.get(id)) then candidates[#candidates + 1] = id end
    end
    dealItem = #candidates > 0 and candidates[rng.random(1, #candidates)] or nil
    dealDay = day
  end
  return dealItem
end

--- Record for one id (items first, then berries), with its kind.
function M.lookup(id)
  local item = itemDatabase.get(id)
  if item then return item, "item" end
  local berry = berryDatabase.get(id)
  if berry then return berry, "berry" end
  return nil
end

--- Items the shop does not sell: treasures (sell only) and priceless items.
function M.buyable(record)
  return record ~= nil and not record.sellOnly and (record.price or 0) > 0
end

--- Price of qty units, with the daily deal applied; nil and a code when not for sale.
function M.buyPrice(id, qty, ts)
  local record = M.lookup(id)
  if not record then return nil, "NOT_FOUND" end
  if not M.buyable(record) then return nil, "OUT_OF_STOCK" end
  local discount = (id == M.dailyDeal(ts)) and M.DEAL_DISCOUNT or 0
  local price, why = shopPricing.buyPrice(id, qty, { discountPercent = discount })
  if price == nil then return nil, why == "NOT_FOR_SALE" and "OUT_OF_STOCK" or "INVALID_VALUE" end
  return price
end

function M.sellPrice(id, qty)
  local record = M.lookup(id)
  if not record then return nil, "NOT_FOUND" end
  local price, why = shopPricing.sellPrice(id, qty)
  if price == nil then return nil, why == "CANNOT_SELL" and "INVALID_ACTION" or "INVALID_VALUE" end
  return price
end

--- Listing filtered by kind ("berry" or an item kind), sorted by id, paged.
function M.list(kind, page, pageSize, ts)
  pageSize = pageSize or 20
  page = page or 1
  local entries = {}
  local deal = M.dailyDeal(ts)
  if kind == nil or kind ~= "berry" then
    for _, id in ipairs(itemDatabase.ids()) do
      local item = itemDatabase.get(id)
      if (kind == nil or item.kind == kind) and M.buyable(item) then
        entries[#entries + 1] = { id = id, name = item.name, kind = item.kind, price = M.buyPrice(id, 1, ts), deal = id == deal,
          stock = shopStock.left(id, ts) }
      end
    end
  end
  if kind == nil or kind == "berry" then
    for _, id in ipairs(berryDatabase.ids()) do
      local berry = berryDatabase.get(id)
      entries[#entries + 1] = { id = id, name = berry.name, kind = "berry", price = M.buyPrice(id, 1, ts), deal = false }
    end
  end
  local first = (page - 1) * pageSize + 1
  local out = {}
  for i = first, math.min(#entries, first + pageSize - 1) do out[#out + 1] = entries[i] end
  return out, #entries
end

return M
