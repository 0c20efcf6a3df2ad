-- INVENTORY_GET / INVENTORY_USE.
local inventoryStore = require("economy.components.inventory-store")
local itemEffects = require("economy.components.item-effects")
local catalog = require("economy.components.shop-catalog")
local itemDatabase = require("data.items.item-database")
local response = require("game-logic.utils.response")

local M = {}

function M.get(msg)
  local items = inventoryStore.summary(msg.From)
  local total = 0
  for _, e in ipairs(items) do total = total + e.count end
  return response.ok(msg, { playerId = msg.From, items = items, total = total })
end

function M.use(msg, data)
  if data.itemId == nil then return response.error(msg, "MISSING_FIELD", "itemId") end
  local item = itemDatabase.get(data.itemId)
  if not item then
    if catalog.lookup(data.itemId) then
      return response.error(msg, "INVALID_ACTION", "berries are used with BERRY_ACTIVATE")
    end
    return response.error(msg, "NOT_FOUND", "no item " .. tostring(data.itemId))
  end
  if inventoryStore.count(msg.From, item.id) < 1 then
    return response.error(msg, "INVALID_ACTION", "no " .. item.id .. " in the bag")
  end
  local updated, problem = itemEffects.apply(item, data.pokemon)
  if not updated then return response.error(msg, "INVALID_ACTION", problem) end
  inventoryStore.remove(msg.From, item.id, 1)
  return response.ok(msg, { pokemon = updated, effect = problem, remaining = inventoryStore.count(msg.From, item.id) })
end

return M
