-- Audits damage a client reports from a battle: both creatures are rebuilt from their specs
-- (same seeds as in the battle, so the same IVs and nature) and the damage formula is run with
-- the lowest and the highest roll. A reported number outside [min, max] is impossible.
local factory = require("game-logic.pokemon.pokemon-factory")
local damageCalculator = require("game-logic.battle.damage-calculator")
local moveDatabase = require("data.moves.move-database")
require("data.constants.game-constants")

local M = {}

-- a generator that answers the crit roll as told and the damage roll with a fixed value
local function fixedRng(roll, crit)
  return {
    random = function(min, max)
      if min == 1 then return crit and 1 or max end
      return roll
    end,
    chance = function() return crit end,
  }
end

local function build(spec, side)
  if type(spec) ~= "table" then return nil, side .. " spec required" end
  local pokemon, err = factory.create(tonumber(spec.speciesId), tonumber(spec.level) or 5, {
    seed = spec.seed, nature = spec.nature, ability = spec.ability, heldItem = spec.heldItem,
  })
  if not pokemon then return nil, side .. ": " .. tostring(err) end
  pokemon.stages = spec.stages or {}
  return pokemon
end

--- Returns {min, max, effectiveness} for a report, or nil and a problem text.
function M.range(report)
  local attacker, err1 = build(report.attacker, "attacker")
  if not attacker then return nil, err1 end
  local defender, err2 = build(report.defender, "defender")
  if not defender then return nil, err2 end
  local move = moveDatabase.get(tonumber(report.moveId))
  if not move then return nil, "unknown move " .. tostring(report.moveId) end
  local context = { weather = report.weather, terrain = report.terrain }
  local crit = report.critical == true
  local low = damageCalculator.calculate(attacker, defender, move, fixedRng(GameConstants.MIN_DAMAGE_ROLL, crit), context)
  local high = damageCalculator.calculate(attacker, defender, move, fixedRng(GameConstants.MAX_DAMAGE_ROLL, crit), context)
  return { min = low.damage, max = high.damage, effectiveness = high.effectiveness, move = move.name }
end

--- ok, range-or-problem: ok is false when the reported damage cannot happen.
function M.audit(report)
  local range, problem = M.range(report)
  if not range then return nil, problem end
  local damage = math.tointeger(report.damage)
  if damage == nil or damage < 0 then return nil, "damage must be a non-negative integer" end
  if damage < range.min or damage > range.max then
    return false, range, string.format("%s dealt %d, possible %d..%d", range.move, damage, range.min, range.max)
  end
  return true, range
end

return M
