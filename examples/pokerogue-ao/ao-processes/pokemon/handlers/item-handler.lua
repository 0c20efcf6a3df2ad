-- USE_ITEM and SET_HELD_ITEM. Items live in the economy process's inventory, so these come
-- from the economy peer (after it has taken the item) or from the owner, with the player's id.
local codec = require("game-logic.utils.json-codec")
local response = require("game-logic.utils.response")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local store = require("pokemon.components.pokemon-store")
local itemEffects = require("pokemon.components.item-effects")
local pokedex = require("pokemon.components.pokedex")
local serializer = require("pokemon.components.pokemon-serializer")

local M = {}

local function prepare(msg)
  if not authenticator.isAuthorized(msg, "economy") then
    return nil, response.error(msg, "UNAUTHORIZED", "items are applied by the economy process")
  end
  local data, err = codec.decodeData(msg)
  if data == nil then return nil, response.error(msg, "INVALID_JSON", err) end
  if type(data.playerId) ~= "string" then return nil, response.error(msg, "INVALID_PLAYER", "playerId required") end
  local record, code = store.owned(data.playerId, data.uid)
  if record == nil then return nil, response.error(msg, code, "no such creature for that player") end
  return data, record
end

function M.useItem(msg)
  local data, record = prepare(msg)
  if data == nil then return record end
  if type(data.itemId) ~= "string" then return response.error(msg, "UNKNOWN_ITEM", "itemId required") end
  local speciesBefore = record.speciesId
  local result, code = itemEffects.use(record, data.itemId)
  if result == nil then return response.error(msg, code, "item had no effect") end
  if record.speciesId ~= speciesBefore then pokedex.markCaught(data.playerId, record.speciesId) end
  return response.ok(msg, { itemId = data.itemId, result = result, pokemon = serializer.brief(record, 0) })
end

function M.setHeldItem(msg)
  local data, record = prepare(msg)
  if data == nil then return record end
  local previous, code = itemEffects.setHeld(record, data.itemId)
  if previous == nil then return response.error(msg, code, "cannot hold that item") end
  return response.ok(msg, { uid = record.uid, heldItem = record.heldItem or "none", previous = previous })
end

return M
