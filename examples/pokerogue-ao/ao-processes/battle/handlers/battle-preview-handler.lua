-- BATTLE_PREVIEW: what each of the player's moves would do to the current opponent
-- (damage range from the lowest to the highest roll, critical damage, effectiveness,
-- accuracy) and who would move first. Uses no battle RNG, so previews never change a battle.
local codec = require("game-logic.utils.json-codec")
local response = require("game-logic.utils.response")
local moveDb = require("data.moves.move-database")
local damageCalculator = require("game-logic.battle.damage-calculator")
local typeEffectiveness = require("game-logic.battle.type-effectiveness")
local statusEffects = require("game-logic.battle.status-effects")
local stateManager = require("battle.components.battle-state-manager")

local M = {}

-- Fixed generators: the crit roll (min 1) answers with `crit`, the damage roll with `roll`.
local function fixedRng(roll, crit)
  return {
    random = function(min, max)
      if min == 1 then return crit and 1 or max end
      return roll
    end,
    chance = function() return false end,
  }
end

local function preview(attacker, defender, slot, context)
  local move = moveDb.get(slot.id)
  local row = { moveId = move.id, name = move.name, type = move.type, category = move.category, power = move.power,
    accuracy = move.accuracy, priority = move.priority, pp = slot.pp }
  if move.category == "status" then
    row.effect = move.effect.kind
    return row
  end
  local held = defender.heldItem
  local low = damageCalculator.calculate(attacker, defender, move, fixedRng(85, false), context)
  defender.heldItem = held
  local high = damageCalculator.calculate(attacker, defender, move, fixedRng(100, false), context)
  defender.heldItem = held
  local critical = damageCalculator.calculate(attacker, defender, move, fixedRng(100, true), context)
  defender.heldItem = held -- previews must not consume a resist berry
  row.minDamage = low.damage
  row.maxDamage = high.damage
  row.critDamage = critical.damage
  row.effectiveness = typeEffectiveness.describe(high.effectiveness)
  row.koChance = high.damage >= defender.currentHp and (low.damage >= defender.currentHp and "guaranteed" or "possible") or "none"
  return row
end

function M.handle(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  local battle = type(data.battleId) == "string" and stateManager.get(data.battleId) or nil
  if battle == nil then return response.error(msg, "BATTLE_NOT_FOUND", "unknown battleId") end
  if battle.status ~= "active" then return response.error(msg, "BATTLE_NOT_ACTIVE", "battle has ended") end
  local me = stateManager.active(battle, "player")
  local foe = stateManager.active(battle, "opponent")
  local context = { weather = battle.weather.kind, terrain = battle.terrain.kind }
  local moves = {}
  for i, slot in ipairs(me.moves) do moves[i] = preview(me, foe, slot, context) end
  local mySpeed, foeSpeed = statusEffects.effectiveSpeed(me), statusEffects.effectiveSpeed(foe)
  return response.ok(msg, {
    battleId = battle.id,
    turn = battle.turn,
    attacker = me.uid,
    defender = foe.uid,
    defenderHp = foe.currentHp,
    moves = moves,
    speed = { player = mySpeed, opponent = foeSpeed, playerFirst = mySpeed > foeSpeed and "yes" or mySpeed == foeSpeed and "tie" or "no" },
  })
end

return M
