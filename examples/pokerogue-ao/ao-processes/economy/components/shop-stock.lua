-- Limited daily stock: each day the shop restocks every buyable item with a quantity drawn by
-- the economy's RNG copy (seeded with the day), so all players share one stock per day.
local itemDatabase = require("data.items.item-database")
local seedManager = require("game-logic.rng.seed-manager")
local timeUtils = require("game-logic.utils.time-utils")
local rng = require("economy.components.battle-rng")

local M = {}

-- units per day by item kind: {min, max}; kinds not listed are unlimited
M.LIMITS = {
  ball = { 20, 60 },
  medicine = { 15, 40 },
  evolution = { 1, 3 },
  held = { 1, 4 },
  vitamin = { 2, 6 },
  candy = { 3, 10 },
}

local stockDay = nil
local stock = {}

local function restock(day)
  stock = {}
  rng.initGlobalRNG(seedManager.shopSeed(day) .. ":stock", day * 86400000)
  for _, id in ipairs(itemDatabase.ids()) do
    local item = itemDatabase.get(id)
    local limit = M.LIMITS[item.kind]
    if limit and not item.sellOnly and (item.price or 0) > 0 then
      stock[id] = rng.random(limit[1], limit[2])
    end
  end
  stockDay = day
end

local function ensure(ts)
  local day = timeUtils.dayIndex(ts)
  if day ~= stockDay then restock(day) end
end

--- Units left today (nil = unlimited).
function M.left(id, ts)
  ensure(ts)
  return stock[id]
end

--- Takes qty units; returns true or false and the units left.
function M.take(id, qty, ts)
  ensure(ts)
  local left = stock[id]
  if left == nil then return true end
  if left < qty then return false, left end
  stock[id] = left - qty
  return true, stock[id]
end

--- Returns units (a sale back to the shop refills today's stock).
function M.give(id, qty, ts)
  ensure(ts)
  if stock[id] ~= nil then stock[id] = stock[id] + qty end
end

return M
