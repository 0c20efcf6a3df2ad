-- BATTLE_START: creates a battle from two parties (species, level, optional seed/moves/items),
-- or from the player's party and a wild encounter rolled in a biome ({biome, wave}), or a
-- trainer's party rolled from its class ({trainer, wave, biome?}).
local codec = require("game-logic.utils.json-codec")
local correlator = require("game-logic.process-coordination.message-correlator")
local battleRng = require("game-logic.rng.battle-rng")
local biomeEncounters = require("game-logic.environment.biome-encounters")
local trainerRoster = require("battle.components.trainer-roster")
local stateManager = require("battle.components.battle-state-manager")
local serializer = require("battle.components.battle-serializer")

local M = {}

-- Local helpers (kept here so this handler has no extra dependencies).
local function deepCopy(value, seen)
  if type(value) ~= "table" then return value end
  seen = seen or {}
  if seen[value] then return seen[value] end
  local copy = {}
  seen[value] = copy
  for k, v in pairs(value) do
    copy[deepCopy(k, seen)] = deepCopy(v, seen)
  end
  return copy
end

local function mergeTables(base, extra)
  local out = {}
  for k, v in pairs(base or {}) do out[k] = v end
  for k, v in pairs(extra or {}) do out[k] = v end
  return out
end

local function errorReply(msg, code, text)
  msg.reply({
    Action = (msg.Tags and msg.Tags.Action or "Unknown") .. "-Error",
    Data = codec.encode({ error = true, code = code, message = text or code }),
  })
end

function M.handle(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return errorReply(msg, "INVALID_JSON", err) end
  local start = mergeTables({
    battleId = correlator.generateId("battle"),
    seed = tostring(msg.From) .. ":" .. tostring(msg.Timestamp),
  }, deepCopy(data))
  if start.trainer ~= nil and start.opponentParty == nil then
    local gen = battleRng.create(tostring(start.seed) .. ":trainer")
    local trainerParty, code = trainerRoster.buildParty(start.trainer, start.wave or 1, start.biome, gen)
    if trainerParty == nil then return errorReply(msg, code, "cannot build the trainer's party") end
    start.opponentParty = trainerParty
    start.wild = false
  end
  if start.biome ~= nil and start.opponentParty == nil then
    -- The encounter is rolled from its own generator and stored in the start data, so a
    -- replay rebuilds the same opponent without rolling again.
    local gen = battleRng.create(tostring(start.seed) .. ":encounter")
    local encounter, code = biomeEncounters.rollEncounter(start.biome, start.wave or 1, gen)
    if encounter == nil then return errorReply(msg, code, "cannot roll an encounter") end
    start.opponentParty = { { speciesId = encounter.speciesId, level = encounter.level } }
    start.wild = not encounter.boss
    start.weather = start.weather or biomeEncounters.rollWeather(start.biome, gen)
    start.terrain = start.terrain or biomeEncounters.get(start.biome).terrain
    start.encounter = encounter
  end
  if type(start.playerParty) ~= "table" or type(start.opponentParty) ~= "table" then
    return errorReply(msg, "MISSING_PARTY", "playerParty and opponentParty are required")
  end
  local battle, code, field, slot = stateManager.create(start, msg.From, msg.Timestamp)
  if battle == nil then
    local where = field and (" in " .. field .. (slot and ("[" .. slot .. "]") or "")) or ""
    return errorReply(msg, code, "cannot start battle" .. where)
  end
  msg.reply({
    Action = "BATTLE_START-Response",
    Data = codec.encode({ ok = true, data = serializer.publicState(battle) }),
  })
  return battle
end

return M
