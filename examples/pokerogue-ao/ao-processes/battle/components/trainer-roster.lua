-- Trainer classes for trainer battles: party size and level spread by wave, which types each
-- class prefers, and its prize money multiplier. Parties are rolled from the biome's pool (or
-- the whole species table) with the battle's own generator, so replays rebuild them exactly.
local speciesDb = require("data.species.species-database")
local biomeEncounters = require("game-logic.environment.biome-encounters")
require("data.constants.game-constants")

local M = {}

M.classes = {
  -- Early-route trainers: one or two weak creatures.
  youngster = { name = "Youngster", minParty = 1, maxParty = 2, levelOffset = -2, moneyMultiplier = 1, types = { "normal", "bug" } },
  lass = { name = "Lass", minParty = 1, maxParty = 2, levelOffset = -1, moneyMultiplier = 1, types = { "fairy", "grass", "normal" } },
  -- Specialists: a themed team around the biome's level.
  hiker = { name = "Hiker", minParty = 2, maxParty = 3, levelOffset = 0, moneyMultiplier = 2, types = { "rock", "ground", "fighting" } },
  swimmer = { name = "Swimmer", minParty = 2, maxParty = 3, levelOffset = 0, moneyMultiplier = 2, types = { "water", "ice" } },
  scientist = { name = "Scientist", minParty = 2, maxParty = 3, levelOffset = 1, moneyMultiplier = 3, types = { "electric", "steel", "poison" } },
  medium = { name = "Medium", minParty = 2, maxParty = 3, levelOffset = 1, moneyMultiplier = 3, types = { "ghost", "psychic", "dark" } },
  -- Strong trainers: full teams above the wave's level.
  ["ace-trainer"] = { name = "Ace Trainer", minParty = 3, maxParty = 5, levelOffset = 3, moneyMultiplier = 4, types = {} },
  ["dragon-tamer"] = { name = "Dragon Tamer", minParty = 3, maxParty = 4, levelOffset = 4, moneyMultiplier = 5, types = { "dragon", "flying" } },
  champion = { name = "Champion", minParty = 6, maxParty = 6, levelOffset = 6, moneyMultiplier = 8, types = {} },
}

function M.get(classId)
  return M.classes[classId]
end

function M.ids()
  local out = {}
  for id in pairs(M.classes) do out[#out + 1] = id end
  table.sort(out)
  return out
end

local function prefers(class, species)
  if #class.types == 0 then return true end
  for _, t in ipairs(species.types) do
    for _, wanted in ipairs(class.types) do
      if t == wanted then return true end
    end
  end
  return false
end

--- Candidate species ids in ascending order: the biome's pool filtered by the class's types,
--- falling back to every species of those types, then to the unfiltered pool.
local function candidates(class, biomeId)
  local pool = {}
  local listed = biomeId and biomeEncounters.listSpecies(biomeId) or nil
  if listed then
    for _, s in ipairs(listed) do
      if prefers(class, speciesDb.get(s.id)) then pool[#pool + 1] = s.id end
    end
  end
  if #pool == 0 then
    for _, id in ipairs(speciesDb.ids()) do
      if prefers(class, speciesDb.get(id)) then pool[#pool + 1] = id end
    end
  end
  return pool
end

--- Returns a party spec list (like BATTLE_START's opponentParty) or nil, error code.
function M.buildParty(classId, wave, biomeId, rng)
  local class = M.classes[classId]
  if class == nil then return nil, "UNKNOWN_TRAINER" end
  wave = math.tointeger(wave) or 1
  if wave < 1 then return nil, "INVALID_WAVE" end
  local pool = candidates(class, biomeId)
  local size = rng.random(class.minParty, class.maxParty)
  local base = math.max(2, 5 + wave // 2 + class.levelOffset)
  local party = {}
  for i = 1, size do
    local speciesId = pool[rng.random(1, #pool)]
    local level = math.min(GameConstants.MAX_LEVEL, base + rng.random(-2, 2) + (i == size and 2 or 0))
    party[i] = { speciesId = speciesId, level = math.max(1, level) }
  end
  return party
end

--- Prize money: sum of levels x 20 x the class multiplier.
function M.prizeMoney(classId, party)
  local class = M.classes[classId]
  local multiplier = class and class.moneyMultiplier or 1
  local total = 0
  for _, p in ipairs(party) do total = total + p.level * 20 end
  return total * multiplier
end

return M
