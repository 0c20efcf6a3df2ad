-- Opponent AI: the usable move with the highest expected damage (ties: lowest slot);
-- switches out only when every usable move would do nothing.
local moveDb = require("data.moves.move-database")
local damageCalculator = require("game-logic.battle.damage-calculator")
local stateManager = require("battle.components.battle-state-manager")

local M = {}

function M.chooseAction(battle, side)
  local me = stateManager.active(battle, side)
  local foe = stateManager.active(battle, stateManager.other(side))
  local context = { weather = battle.weather.kind, terrain = battle.terrain.kind }
  local best, bestScore = nil, -1
  for i, slot in ipairs(me.moves) do
    if slot.pp > 0 then
      local move = moveDb.get(slot.id)
      local score
      if move.category == "status" then
        score = 1 -- a status move beats a move that cannot hurt the target
      else
        score = damageCalculator.estimate(me, foe, move, context) * (move.accuracy > 0 and move.accuracy or 100) // 100
        if score > 0 then score = score + 2 end
      end
      if score > bestScore then
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
    return { kind = "pass", side = side, priority = 0 }
  end
  local move = moveDb.get(me.moves[best].id)
  return { kind = "move", side = side, moveIndex = best, moveId = move.id, priority = move.priority }
end

return M
