-- BERRY_ACTIVATE: the player holds a berry; it is eaten only when its trigger fires.
local berryManager = require("economy.components.berry-manager")
local inventoryStore = require("economy.components.inventory-store")
local response = require("game-logic.utils.response")

local M = {}

function M.activate(msg, data)
  if data.berryId == nil then return response.error(msg, "MISSING_FIELD", "berryId") end
  if inventoryStore.count(msg.From, data.berryId) < 1 then
    return response.error(msg, "INVALID_ACTION", "no " .. tostring(data.berryId) .. " in the bag")
  end
  local pokemon, code, detail, fired = berryManager.activate(data.berryId, data.pokemon)
  if not pokemon then return response.error(msg, code, detail) end
  if fired then inventoryStore.remove(msg.From, data.berryId, 1) end
  return response.ok(msg, {
    activated = fired,
    pokemon = pokemon,
    result = fired and detail or nil,
    reason = (not fired) and detail or nil,
    remaining = inventoryStore.count(msg.From, data.berryId),
  })
end

return M
