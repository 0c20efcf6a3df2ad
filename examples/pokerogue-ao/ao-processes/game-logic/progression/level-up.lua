-- Level-up: levels follow experience along the species' growth curve; stats are recomputed
-- and HP rises by the max-HP gain.
local growthRates = require("data.constants.growth-rates")
local factory = require("game-logic.pokemon.pokemon-factory")
local speciesDb = require("data.species.species-database")
local moveLearning = require("game-logic.pokemon.move-learning")

local M = {}

--- Applies any pending levels; returns {from, to, newMoves}.
function M.applyLevel(pokemon)
  local from = pokemon.level
  local to = growthRates.levelForExp(pokemon.growthRate, pokemon.exp)
  if to <= from then return { from = from, to = from, newMoves = {} } end
  pokemon.level = to
  factory.recalculate(pokemon)
  local species = speciesDb.get(pokemon.speciesId)
  local newMoves = {}
  for lvl = from + 1, to do
    for _, id in ipairs(moveLearning.movesAtLevel(species, lvl)) do newMoves[#newMoves + 1] = id end
  end
  return { from = from, to = to, newMoves = newMoves }
end

return M
