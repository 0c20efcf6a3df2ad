-- Wild encounters by biome: a weighted pick from the biome's pool, a level inside the entry's
-- range that rises with the wave number, and the biome's weather odds.
local biomes = require("data.biomes.biome-database")
local speciesDb = require("data.species.species-database")
require("data.constants.game-constants")

local M = {}

M.LEVELS_PER_WAVE = 10 -- every 10 waves add one level above the pool's minimum

function M.get(biomeId)
  return biomes.get(biomeId)
end

function M.ids()
  return biomes.ids()
end

function M.canAppear(biomeId, speciesId)
  local biome = biomes.get(biomeId)
  if biome == nil then return false end
  for _, e in ipairs(biome.encounters) do
    if e.species == speciesId then return true end
  end
  return biome.boss == speciesId
end

--- Weighted pick over the pool in its listed order (deterministic for a given rng state).
local function pickEntry(biome, rng)
  local total = 0
  for _, e in ipairs(biome.encounters) do total = total + e.weight end
  local roll = rng.random(1, total)
  for _, e in ipairs(biome.encounters) do
    roll = roll - e.weight
    if roll <= 0 then return e end
  end
  return biome.encounters[#biome.encounters]
end

--- Returns {speciesId, level, rarity, boss} or nil, error code. Every 10th wave is the boss.
function M.rollEncounter(biomeId, wave, rng)
  local biome = biomes.get(biomeId)
  if biome == nil then return nil, "UNKNOWN_BIOME" end
  wave = math.tointeger(wave) or 1
  if wave < 1 then return nil, "INVALID_WAVE" end
  local bonus = wave // M.LEVELS_PER_WAVE
  if wave % 10 == 0 then
    local level = math.min(GameConstants.MAX_LEVEL, 20 + wave // 2)
    return { speciesId = biome.boss, level = level, rarity = "boss", boss = true }
  end
  local entry = pickEntry(biome, rng)
  local level = math.min(GameConstants.MAX_LEVEL, rng.random(entry.minLevel, entry.maxLevel) + bonus)
  return { speciesId = entry.species, level = level, rarity = entry.rarity, boss = false }
end

--- Weather for a new battle in the biome, from its odds table (keys in sorted order).
function M.rollWeather(biomeId, rng)
  local biome = biomes.get(biomeId)
  if biome == nil then return "none" end
  local kinds = {}
  local total = 0
  for kind, odds in pairs(biome.weather) do
    kinds[#kinds + 1] = kind
    total = total + odds
  end
  table.sort(kinds)
  local roll = rng.random(1, total)
  for _, kind in ipairs(kinds) do
    roll = roll - biome.weather[kind]
    if roll <= 0 then return kind end
  end
  return "none"
end

--- Species in the biome's pool, sorted by id, with names (for previews and pokedex replies).
function M.listSpecies(biomeId)
  local biome = biomes.get(biomeId)
  if biome == nil then return nil end
  local out = {}
  for _, e in ipairs(biome.encounters) do
    local s = speciesDb.get(e.species)
    out[#out + 1] = { id = e.species, name = s and s.name or "?", rarity = e.rarity, minLevel = e.minLevel, maxLevel = e.maxLevel }
  end
  table.sort(out, function(x, y) return x.id < y.id end)
  return out
end

return M
