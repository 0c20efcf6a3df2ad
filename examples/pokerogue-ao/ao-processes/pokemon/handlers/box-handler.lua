-- BOX_DEPOSIT, BOX_WITHDRAW and GET_POKEDEX: moving creatures between party and storage box
-- (party rules still apply), and the player's pokedex.
local codec = require("game-logic.utils.json-codec")
local response = require("game-logic.utils.response")
local partyManager = require("game-logic.pokemon.party-manager")
local store = require("pokemon.components.pokemon-store")
local serializer = require("pokemon.components.pokemon-serializer")
local pokedex = require("pokemon.components.pokedex")

local M = {}

local function boxView(box)
  local out = {}
  for i, record in ipairs(box) do out[i] = serializer.brief(record, i) end
  return out
end

function M.deposit(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  local party = store.party(msg.From)
  local slot = math.tointeger(data.slot)
  -- Depositing follows the release rules: the party keeps at least one member able to battle.
  local record, code = partyManager.release(party, slot)
  if record == nil then return response.error(msg, code, "cannot deposit that member") end
  local box = store.box(msg.From)
  box[#box + 1] = record
  return response.ok(msg, { party = serializer.party(party), box = boxView(box) })
end

function M.withdraw(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  local box = store.box(msg.From)
  local index = math.tointeger(data.boxIndex)
  if index == nil or box[index] == nil then return response.error(msg, "INVALID_BOX_INDEX", "no creature there") end
  local party = store.party(msg.From)
  local ok, code = partyManager.add(party, box[index])
  if not ok then return response.error(msg, code, "party is full") end
  table.remove(box, index)
  return response.ok(msg, { party = serializer.party(party), box = boxView(box) })
end

function M.getPokedex(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  local playerId = data.playerId or msg.From
  if type(playerId) ~= "string" then return response.error(msg, "INVALID_PLAYER", "playerId must be a string") end
  return response.ok(msg, pokedex.summary(playerId))
end

return M
