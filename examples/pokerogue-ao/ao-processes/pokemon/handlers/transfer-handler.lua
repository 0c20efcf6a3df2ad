-- IMPORT_POKEMON (owner only: restores creatures from a save file after validation),
-- EXPORT_PARTY (a player's party in save format), VALIDATE_POKEMON (the security process asks
-- whether a reported record is legal) and RENAME (a nickname for one of the sender's creatures).
local codec = require("game-logic.utils.json-codec")
local response = require("game-logic.utils.response")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local factory = require("game-logic.pokemon.pokemon-factory")
local growthRates = require("data.constants.growth-rates")
local store = require("pokemon.components.pokemon-store")
local validator = require("pokemon.components.pokemon-validator")
local pokedex = require("pokemon.components.pokedex")
local serializer = require("pokemon.components.pokemon-serializer")

local M = {}

M.MAX_IMPORT = 30
M.MAX_NICKNAME = 12

--- Save format: everything needed to rebuild the record, nothing derived.
local function saveFormat(record)
  local moves = {}
  for i, m in ipairs(record.moves) do moves[i] = m.id end
  return { speciesId = record.speciesId, level = record.level, exp = record.exp, nature = record.nature,
    ability = record.ability, heldItem = record.heldItem, ivs = record.ivs, evs = record.evs, moves = moves,
    nickname = record.nickname, currentHp = record.currentHp, status = record.status }
end

local function rebuild(saved)
  local record = factory.create(saved.speciesId, saved.level, { nature = saved.nature, ability = saved.ability,
    heldItem = saved.heldItem, moves = saved.moves, seed = "import" })
  record.ivs = saved.ivs
  record.evs = saved.evs or record.evs
  record.exp = math.max(growthRates.expForLevel(record.growthRate, record.level), math.tointeger(saved.exp) or 0)
  record.nickname = saved.nickname
  record.stats = nil
  factory.recalculate(record)
  if math.type(saved.currentHp) == "integer" and saved.currentHp >= 0 then
    record.currentHp = math.min(saved.currentHp, record.stats.hp)
  end
  return record
end

function M.importPokemon(msg)
  if not authenticator.isOwner(msg) then return response.error(msg, "UNAUTHORIZED", "only the owner imports saves") end
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  if type(data.playerId) ~= "string" then return response.error(msg, "INVALID_PLAYER", "playerId required") end
  if type(data.pokemon) ~= "table" or #data.pokemon == 0 then return response.error(msg, "EMPTY_IMPORT", "pokemon list required") end
  if #data.pokemon > M.MAX_IMPORT then return response.error(msg, "IMPORT_TOO_LARGE", "at most 30 creatures per import") end
  -- All or nothing: every record is validated before any is stored.
  for i, saved in ipairs(data.pokemon) do
    local ok, problems = validator.validate(saved)
    if not ok then return response.error(msg, "INVALID_POKEMON", "pokemon[" .. i .. "] " .. problems[1]) end
  end
  local imported = {}
  for i, saved in ipairs(data.pokemon) do
    local stored, location = store.add(data.playerId, rebuild(saved))
    pokedex.markCaught(data.playerId, stored.speciesId)
    imported[i] = { uid = stored.uid, location = location }
  end
  return response.ok(msg, { playerId = data.playerId, imported = imported })
end

function M.exportParty(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  local playerId = data.playerId or msg.From
  if playerId ~= msg.From and not authenticator.isAuthorized(msg) then
    return response.error(msg, "UNAUTHORIZED", "players export only their own party")
  end
  local out = {}
  for i, record in ipairs(store.party(playerId)) do out[i] = saveFormat(record) end
  return response.ok(msg, { playerId = playerId, pokemon = out })
end

function M.validatePokemon(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  local ok, problems = validator.validate(data.pokemon)
  return response.ok(msg, { valid = ok, problems = problems })
end

function M.rename(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  local record, code = store.owned(msg.From, data.uid)
  if record == nil then return response.error(msg, code, "cannot rename that creature") end
  local name = data.nickname
  if name ~= nil and (type(name) ~= "string" or #name == 0 or #name > M.MAX_NICKNAME or name:find("[^%w %-']")) then
    return response.error(msg, "INVALID_NICKNAME", "1-12 letters, digits, spaces, - or '")
  end
  record.nickname = name
  return response.ok(msg, { uid = record.uid, nickname = name or "none", pokemon = serializer.brief(record, 0) })
end

return M
