-- GET_POKEMON and GET_PARTY: read-only views of one creature or a player's party and box.
local codec = require("game-logic.utils.json-codec")
local response = require("game-logic.utils.response")
local store = require("pokemon.components.pokemon-store")
local serializer = require("pokemon.components.pokemon-serializer")

local M = {}

function M.getPokemon(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  local uid = data.uid or msg.Tags.Uid
  local record = type(uid) == "string" and store.get(uid) or nil
  if record == nil then return response.error(msg, "POKEMON_NOT_FOUND", "unknown uid") end
  return response.ok(msg, { pokemon = serializer.view(record) })
end

function M.getParty(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  local playerId = data.playerId or msg.From
  if type(playerId) ~= "string" then return response.error(msg, "INVALID_PLAYER", "playerId must be a string") end
  local box = store.box(playerId)
  local boxList = {}
  for i, record in ipairs(box) do boxList[i] = serializer.brief(record, i) end
  Handlers.utils.reply(codec.encode({
    ok = true,
    data = { playerId = playerId, party = serializer.party(store.party(playerId)), box = boxList },
  }))(msg)
  return playerId
end

return M
