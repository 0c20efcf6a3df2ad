-- The shop's listing: every item and berry with a price, plus a daily deal picked by the
-- economy's own RNG copy (seeded with the day and the message timestamp).
local itemDatabase = require("data.items.item-database")
local berryDatabase = require("data.items.berry-database")
local shopPricing = require("game-logic.items.shop-pricing")
local seedManager = require("game-logic.rng.seed-manager")
local timeUtils = require("game-logic.utils.time-utils")
local rng = require("economy.components.battle-rng")

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
    dealItem = #ids > 0 and ids[rng.random(1, #ids)] or nil
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

--- Unit price for a purchase of qty, with the daily deal applied.
function M.buyPrice(id, qty, ts)
  local record, kind = M.lookup(id)
  if not record then return nil end
  local price
  if kind == "item" then
    price = shopPricing.buyPrice(id, qty)
  else
    price = (record.price or 0) * qty
  end
  if price == nil then return nil end
  if id == M.dailyDeal(ts) then
    price = price - (price * M.DEAL_DISCOUNT) // 100
  end
  return math.floor(price)
end

function M.sellPrice(id, qty)
  local record, kind = M.lookup(id)
  if not record then return nil end
  if kind == "item" then return shopPricing.sellPrice(id, qty) end
  return ((record.price or 0) * qty) // 2
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
      if kind == nil or item.kind == kind then
        entries[#entries + 1] = { id = id, name = item.name, kind = item.kind, price = M.buyPrice(id, 1, ts), deal = id == deal }
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
