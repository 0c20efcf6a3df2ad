-- CAPTURE_ATTEMPT: throws a ball at a wild creature described in Data, or rolled in a biome
-- ({biome, wave}); a caught creature is stored for the sender (party, or box when full).
local codec = require("game-logic.utils.json-codec")
local response = require("game-logic.utils.response")
local battleRng = require("game-logic.rng.battle-rng")
local factory = require("game-logic.pokemon.pokemon-factory")
local capture = require("game-logic.pokemon.capture")
local biomeEncounters = require("game-logic.environment.biome-encounters")
local store = require("pokemon.components.pokemon-store")
local serializer = require("pokemon.components.pokemon-serializer")
local pokedex = require("pokemon.components.pokedex")

local M = {}

local VALID_STATUS = { none = true, burn = true, poison = true, paralysis = true, sleep = true, freeze = true }

function M.handle(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  local seed = tostring(data.seed or (tostring(msg.From) .. ":" .. tostring(msg.Timestamp)))
  local speciesId, level = math.tointeger(tonumber(data.speciesId)), math.tointeger(tonumber(data.level or 5))
  if data.biome ~= nil then
    if biomeEncounters.get(data.biome) == nil then return response.error(msg, "UNKNOWN_BIOME", "unknown biome") end
    if speciesId == nil then
      local encounter, code = biomeEncounters.rollEncounter(data.biome, data.wave or 1, battleRng.create("encounter:" .. seed))
      if encounter == nil then return response.error(msg, code, "cannot roll an encounter") end
      if encounter.boss then return response.error(msg, "BOSS_NOT_CATCHABLE", "biome bosses cannot be caught") end
      speciesId, level = encounter.speciesId, encounter.level
    elseif not biomeEncounters.canAppear(data.biome, speciesId) then
      return response.error(msg, "SPECIES_NOT_IN_BIOME", "that species does not live in this biome")
    end
  end
  local wild, code = factory.create(speciesId, level, { seed = seed })
  if wild == nil then return response.error(msg, code or "INVALID_SPECIES", "cannot build the wild creature") end
  local ball = data.ball or "basic-ball"
  local bonus = capture.ballBonus(ball, wild)
  if bonus == nil then return response.error(msg, "INVALID_BALL", "not a ball") end
  local hpPercent = math.tointeger(data.hpPercent or 100)
  if hpPercent == nil or hpPercent < 1 or hpPercent > 100 then
    return response.error(msg, "INVALID_HP", "hpPercent must be 1..100")
  end
  wild.currentHp = math.max(1, wild.stats.hp * hpPercent // 100)
  local status = data.status or "none"
  if not VALID_STATUS[status] then return response.error(msg, "INVALID_STATUS", "unknown status") end
  wild.status = status
  pokedex.markSeen(msg.From, wild.speciesId)
  local result = capture.attempt(wild, bonus, battleRng.create("capture:" .. seed))
  local payload = { caught = result.caught, shakes = result.shakes, catchValue = result.catchValue, ball = ball }
  if result.caught then
    wild.status = "none"
    local stored, location = store.add(msg.From, wild)
    pokedex.markCaught(msg.From, stored.speciesId)
    payload.pokemon = serializer.view(stored)
    payload.location = location
  end
  return response.ok(msg, payload)
end

return M
