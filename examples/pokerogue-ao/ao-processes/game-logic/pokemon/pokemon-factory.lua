-- Creates creature records from a species, a level and a seed: IVs, nature and ability come
-- from a private hash-seeded generator, so the same seed always yields the same creature.
local speciesDb = require("data.species.species-database")
local moveDb = require("data.moves.move-database")
local natures = require("data.constants.natures")
local growthRates = require("data.constants.growth-rates")
local statCalculator = require("game-logic.stats.stat-calculator")
local battleRng = require("game-logic.rng.battle-rng")
require("data.constants.game-constants")

local M = {}

local function copyList(list)
  local out = {}
  for i, v in ipairs(list or {}) do out[i] = v end
  return out
end

--- The last (up to) four distinct moves learnt at or below `level`, in learnset order.
function M.defaultMoves(species, level)
  local ids = {}
  local seen = {}
  for _, row in ipairs(species.learnset) do
    if row.level <= level and not seen[row.move] then
      seen[row.move] = true
      ids[#ids + 1] = row.move
    end
  end
  local first = math.max(1, #ids - GameConstants.MAX_MOVES + 1)
  local out = {}
  for i = first, #ids do
    local move = moveDb.get(ids[i])
    out[#out + 1] = { id = move.id, pp = move.pp, maxPp = move.pp }
  end
  return out
end

--- Recomputes stats after a level, nature or species change, keeping the damage taken.
function M.recalculate(pokemon)
  local species = speciesDb.get(pokemon.speciesId)
  local oldMax = pokemon.stats and pokemon.stats.hp or nil
  pokemon.stats = statCalculator.calcAll(species, pokemon.ivs, pokemon.evs, pokemon.level, pokemon.nature)
  if oldMax == nil then
    pokemon.currentHp = pokemon.stats.hp
  elseif pokemon.currentHp > 0 then
    pokemon.currentHp = math.max(1, math.min(pokemon.stats.hp, pokemon.currentHp + (pokemon.stats.hp - oldMax)))
  end
  pokemon.types = copyList(species.types)
  pokemon.name = species.name
  return pokemon
end

--- opts = {seed, uid, nature, ability, heldItem, moves (ids), owner}. Returns record or nil, error code.
function M.create(speciesId, level, opts)
  opts = opts or {}
  local species = speciesDb.get(speciesId)
  if species == nil then return nil, "UNKNOWN_SPECIES" end
  level = math.tointeger(level or 5)
  if level == nil or level < GameConstants.MIN_LEVEL or level > GameConstants.MAX_LEVEL then
    return nil, "INVALID_LEVEL"
  end
  local gen = battleRng.create(tostring(opts.seed or "creature") .. ":" .. species.id .. ":" .. level)
  local ivs = {}
  for _, key in ipairs(statCalculator.STAT_KEYS) do ivs[key] = gen.random(0, GameConstants.MAX_IV) end
  local natureNames = natures.list()
  local nature = opts.nature or natureNames[gen.random(1, #natureNames)]
  if natures.get(nature) == nil then return nil, "UNKNOWN_NATURE" end
  local ability = opts.ability or species.abilities[gen.random(1, #species.abilities)]
  local pokemon = {
    uid = opts.uid,
    owner = opts.owner,
    speciesId = species.id,
    level = level,
    exp = growthRates.expForLevel(species.growthRate, level),
    growthRate = species.growthRate,
    nature = nature,
    ability = ability,
    heldItem = opts.heldItem,
    ivs = ivs,
    evs = { hp = 0, attack = 0, defense = 0, spAttack = 0, spDefense = 0, speed = 0 },
    status = "none",
    statusTurns = 0,
    friendship = 70,
  }
  if opts.moves then
    pokemon.moves = {}
    for _, id in ipairs(opts.moves) do
      local move = moveDb.get(id)
      if move == nil then return nil, "UNKNOWN_MOVE" end
      if #pokemon.moves >= GameConstants.MAX_MOVES then return nil, "TOO_MANY_MOVES" end
      pokemon.moves[#pokemon.moves + 1] = { id = move.id, pp = move.pp, maxPp = move.pp }
    end
  else
    pokemon.moves = M.defaultMoves(species, level)
  end
  return M.recalculate(pokemon)
end

function M.isFainted(pokemon)
  return pokemon.currentHp <= 0
end

function M.heal(pokemon)
  pokemon.currentHp = pokemon.stats.hp
  pokemon.status = "none"
  pokemon.statusTurns = 0
  for _, m in ipairs(pokemon.moves) do m.pp = m.maxPp end
end

return M
