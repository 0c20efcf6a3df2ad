-- Damage: the level/power/attack/defense core formula, then critical hit, random roll
-- (85..100 %), STAB, type effectiveness, burn, weather, terrain, ability and item modifiers.
-- All randomness comes from the rng passed in (game-logic.rng.battle-rng or one of its generators).
local typeEffectiveness = require("game-logic.battle.type-effectiveness")
local critical = require("game-logic.battle.critical-hits")
local statusEffects = require("game-logic.battle.status-effects")
local abilityEffects = require("game-logic.battle.ability-effects")
local stages = require("game-logic.stats.stat-stages")
local weather = require("game-logic.environment.weather")
local terrain = require("game-logic.environment.terrain")
local heldItems = require("game-logic.items.held-items")
local berryActivation = require("game-logic.items.berry-activation")
require("data.constants.game-constants")

local M = {}

local function hasType(pokemon, t)
  for _, own in ipairs(pokemon.types or {}) do
    if own == t then return true end
  end
  return false
end

--- Attack and defense after stages; a critical hit ignores the attacker's drops and the defender's boosts.
local function effectiveStats(attacker, defender, move, isCrit)
  local atkKey = move.category == "special" and "spAttack" or "attack"
  local defKey = move.category == "special" and "spDefense" or "defense"
  local atkStage = attacker.stages and attacker.stages[atkKey] or 0
  local defStage = defender.stages and defender.stages[defKey] or 0
  if isCrit then
    atkStage = math.max(atkStage, 0)
    defStage = math.min(defStage, 0)
  end
  local atk = attacker.stats[atkKey] * stages.multiplier(atkStage) * heldItems.statMultiplier(attacker, atkKey)
  local def = defender.stats[defKey] * stages.multiplier(defStage)
  return math.max(1, math.floor(atk)), math.max(1, math.floor(def))
end

--- The core formula before modifiers.
function M.baseDamage(level, power, attack, defense)
  return ((2 * level // 5 + 2) * power * attack // defense) // 50 + 2
end

--- context = {weather=, terrain=}; returns {damage, critical, effectiveness, stab, roll, berry}.
function M.calculate(attacker, defender, move, rng, context)
  context = context or {}
  local result = { damage = 0, critical = false, effectiveness = 1, stab = false, roll = 100 }
  if move.category == "status" or (move.power or 0) <= 0 then return result end

  local effectiveness = typeEffectiveness.getMultiplier(move.type, defender.types)
  effectiveness = effectiveness * abilityEffects.defenderModifier(defender, move, 1)
  result.effectiveness = effectiveness
  if effectiveness == 0 then return result end

  local critStage = (move.critStage or 0) + abilityEffects.critBonus(attacker) + heldItems.critBonus(attacker)
  result.critical = critical.roll(critStage, rng)
  local attack, defense = effectiveStats(attacker, defender, move, result.critical)
  local damage = M.baseDamage(attacker.level, move.power, attack, defense)

  local modifier = 1
  if result.critical then modifier = modifier * GameConstants.CRIT_MULTIPLIER end
  result.roll = rng.random(GameConstants.MIN_DAMAGE_ROLL, GameConstants.MAX_DAMAGE_ROLL)
  modifier = modifier * result.roll / 100
  if hasType(attacker, move.type) then
    result.stab = true
    modifier = modifier * abilityEffects.stabMultiplier(attacker)
  end
  modifier = modifier * effectiveness
  modifier = modifier * abilityEffects.defenderModifier(defender, move, effectiveness)
  modifier = modifier * statusEffects.attackModifier(attacker, move)
  modifier = modifier * weather.damageMultiplier(context.weather, move.type)
  modifier = modifier * terrain.damageMultiplier(context.terrain, move.type, terrain.isGrounded(attacker))
  modifier = modifier * abilityEffects.attackerModifier(attacker, move)
  modifier = modifier * heldItems.damageMultiplier(attacker, move)
  local berryMult, berryId = berryActivation.resistMultiplier(defender, move.type, effectiveness)
  modifier = modifier * berryMult
  result.berry = berryId

  result.damage = math.max(1, math.floor(damage * modifier))
  return result
end

--- Expected damage without randomness (average roll, never a crit), for the AI and previews.
-- The fixed generator answers the crit roll (min 1) with its max and the damage roll with the mean.
local averageRng = {
  random = function(min, max)
    if min == 1 then return max end
    return (min + max) // 2
  end,
  chance = function() return false end,
}

function M.estimate(attacker, defender, move, context)
  local heldBefore = defender.heldItem
  local r = M.calculate(attacker, defender, move, averageRng, context)
  defender.heldItem = heldBefore -- an estimate must not consume a resist berry
  return r.damage, r.effectiveness
end

return M
