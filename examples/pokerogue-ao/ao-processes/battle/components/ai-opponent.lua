-- Opponent AI. Scores every usable move and picks the best (ties: lowest slot):
--   a damaging move that knocks the target out beats everything (higher accuracy first);
--   otherwise expected damage (estimate x accuracy);
--   status moves score by what they would change: inflicting a status on a healthy target,
--   healing when below half HP, raising its own stats up to +2, lowering the target's to -2.
-- Switches out only when no move scores above zero and a healthy member is available.
local moveDb = require("data.moves.move-database")
local damageCalculator = require("game-logic.battle.damage-calculator")
local definitions = require("data.constants.status-definitions")
local abilityEffects = require("game-logic.battle.ability-effects")
local stateManager = require("battle.components.battle-state-manager")

local M = {}

M.KO_BONUS = 1000

local function statusMoveScore(move, me, foe)
  local e = move.effect
  if e.kind == "status" then
    if foe.status ~= "none" or definitions.isImmune(e.status, foe.types) or abilityEffects.blocksStatus(foe, e.status) then
      return 0
    end
    return foe.stats.hp // 4 * (move.accuracy > 0 and move.accuracy or 100) // 100
  elseif e.kind == "heal" then
    if me.currentHp * 2 >= me.stats.hp then return 0 end
    return (me.stats.hp - me.currentHp) // 2
  elseif e.kind == "stat_raise" then
    if (me.stages[e.stat] or 0) >= 2 then return 0 end
    return me.stats.hp // 8
  elseif e.kind == "stat_drop" then
    if (foe.stages[e.stat] or 0) <= -2 then return 0 end
    return foe.stats.hp // 10
  end
  return 0
end

function M.scoreMove(move, me, foe, context)
  if move.category == "status" then return statusMoveScore(move, me, foe) end
  local estimate = damageCalculator.estimate(me, foe, move, context)
  if estimate <= 0 then return 0 end
  local accuracy = move.accuracy > 0 and move.accuracy or 100
  if estimate >= foe.currentHp then return M.KO_BONUS + accuracy end
  return estimate * accuracy // 100 + 2
end

function M.chooseAction(battle, side)
  local me = stateManager.active(battle, side)
  local foe = stateManager.active(battle, stateManager.other(side))
  local context = { weather = battle.weather.kind, terrain = battle.terrain.kind }
  local best, bestScore = nil, 0
  for i, slot in ipairs(me.moves) do
    if slot.pp > 0 then
      local score = M.scoreMove(moveDb.get(slot.id), me, foe, context)
      if best == nil or score > bestScore then
        best, bestScore = i, score
      end
    end
  end
  if best == nil or bestScore <= 0 then
    local party = battle.sides[side].party
    for i, p in ipairs(party) do
      if i ~= battle.sides[side].active and p.currentHp > 0 then
        return { kind = "switch", side = side, switchTo = i }
      end
    end
  end
  if best == nil then
    -- Every move is out of PP and nobody can come in: Struggle.
    return { kind = "move", side = side, struggle = true, moveIndex = 0, priority = 0 }
  end
  local move = moveDb.get(me.moves[best].id)
  return { kind = "move", side = side, moveIndex = best, moveId = move.id, priority = move.priority }
end

return M
