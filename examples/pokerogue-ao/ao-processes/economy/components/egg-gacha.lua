-- Egg gacha: eggs bought in the shop hatch into a species drawn from a tier pool. Tiers come
-- from the species' base-stat totals; each egg carries its own seed so a hatch replays exactly.
local speciesDatabase = require("data.species.species-database")
local battleRng = require("game-logic.rng.battle-rng")
local cryptoRng = require("game-logic.rng.crypto-rng")

local M = {}

M.TIERS = {
  common = { price = 1000, minTotal = 0, maxTotal = 299, hatchMs = 60000, shinyChance = 1 },
  rare = { price = 2500, minTotal = 300, maxTotal = 339, hatchMs = 120000, shinyChance = 2 },
  epic = { price = 5000, minTotal = 340, maxTotal = 10000, hatchMs = 300000, shinyChance = 5 },
}
M.MAX_EGGS = 12

local pools = nil
local eggs = {}
local hatched = 0

local function statTotal(species)
  local total = 0
  for _, v in pairs(species.baseStats or {}) do total = total + v end
  return total
end

-- built on first use: the species table is large and most messages never need the pools
local function buildPools()
  pools = { common = {}, rare = {}, epic = {} }
  for _, id in ipairs(speciesDatabase.ids()) do
    local species = speciesDatabase.get(id)
    -- only first stages hatch from eggs: species that something evolves into are skipped
    if not species.evolvesFrom then
      local total = statTotal(species)
      for name, tier in pairs(M.TIERS) do
        if total >= tier.minTotal and total <= tier.maxTotal then
          local pool = pools[name]
          pool[#pool + 1] = id
        end
      end
    end
  end
  for _, pool in pairs(pools) do table.sort(pool) end
  return pools
end

function M.pool(tier)
  return (pools or buildPools())[tier] or {}
end

function M.reset()
  eggs = {}
  hatched = 0
end

--- Eggs of a player, oldest first.
function M.of(playerId)
  eggs[playerId] = eggs[playerId] or {}
  return eggs[playerId]
end

--- Adds an egg; returns it or nil, code, text.
function M.add(playerId, tierName, ts)
  local tier = M.TIERS[tierName]
  if not tier then return nil, "INVALID_VALUE", "tier must be common, rare or epic" end
  local list = M.of(playerId)
  if #list >= M.MAX_EGGS then return nil, "LIMIT_EXCEEDED", "at most " .. M.MAX_EGGS .. " eggs at once" end
  local id = cryptoRng.generateId("egg", playerId .. ":" .. tostring(ts))
  local egg = { id = id, tier = tierName, boughtAt = ts, hatchAt = ts + tier.hatchMs, seed = cryptoRng.hash(id) }
  list[#list + 1] = egg
  return egg
end

local function find(playerId, eggId)
  for i, egg in ipairs(M.of(playerId)) do
    if egg.id == eggId then return egg, i end
  end
  return nil
end

--- Hatches a ready egg: {speciesId, name, shiny, tier} or nil, code, text.
function M.hatch(playerId, eggId, ts)
  local egg, index = find(playerId, eggId)
  if not egg then return nil, "NOT_FOUND", "no egg " .. tostring(eggId) end
  if ts < egg.hatchAt then
    return nil, "INVALID_ACTION", string.format("egg hatches in %d s", (egg.hatchAt - ts + 999) // 1000)
  end
  local pool = M.pool(egg.tier)
  if #pool == 0 then return nil, "INTERNAL", "empty " .. egg.tier .. " pool" end
  local rng = battleRng.create(egg.seed)
  local speciesId = pool[rng.random(1, #pool)]
  local shiny = rng.chance(M.TIERS[egg.tier].shinyChance)
  table.remove(M.of(playerId), index)
  hatched = hatched + 1
  local species = speciesDatabase.get(speciesId)
  return { eggId = egg.id, tier = egg.tier, speciesId = speciesId, name = species.name, shiny = shiny, types = species.types }
end

--- Readiness view of a player's eggs at time ts.
function M.view(playerId, ts)
  local out = {}
  for i, egg in ipairs(M.of(playerId)) do
    out[i] = { id = egg.id, tier = egg.tier, ready = ts >= egg.hatchAt, hatchInMs = math.max(0, egg.hatchAt - ts) }
  end
  return out
end

function M.hatchedCount()
  return hatched
end

return M
