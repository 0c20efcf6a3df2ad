-- Experience: yield of a defeated creature shared among participants, capped at level 100.
local speciesDb = require("data.species.species-database")
local growthRates = require("data.constants.growth-rates")
local levelUp = require("game-logic.progression.level-up")
local evolution = require("game-logic.pokemon.evolution")
require("data.constants.game-constants")

local M = {}

--- floor(baseExp * level / 7 / participants), 1.5x when the defeated creature had a trainer.
function M.expYield(defeated, participants, trainerBattle)
  local species = speciesDb.get(defeated.speciesId)
  local base = species and species.baseExp or 50
  local amount = base * defeated.level // 7
  if trainerBattle then amount = amount * 3 // 2 end
  return math.max(1, amount // math.max(1, participants or 1))
end

--- Adds experience; returns {gained, from, to, newMoves, canEvolve}.
function M.gain(pokemon, amount)
  if math.type(amount) ~= "integer" or amount < 0 then return nil, "INVALID_AMOUNT" end
  local cap = growthRates.expForLevel(pokemon.growthRate, GameConstants.MAX_LEVEL)
  local before = pokemon.exp
  pokemon.exp = math.min(cap, pokemon.exp + amount)
  local lv = levelUp.applyLevel(pokemon)
  local canEvolve = evolution.canEvolve(pokemon, { kind = "level" })
  return { gained = pokemon.exp - before, from = lv.from, to = lv.to, newMoves = lv.newMoves, canEvolve = canEvolve }
end

return M
