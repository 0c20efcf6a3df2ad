-- Hit checks: move accuracy scaled by the attacker's accuracy and the defender's evasion stages.
local stages = require("game-logic.stats.stat-stages")

local M = {}

--- Moves with accuracy 0 never miss (self-targeting status moves).
function M.hits(move, attacker, defender, rng)
  if move.accuracy == nil or move.accuracy == 0 then return true end
  local accStage = (attacker.stages and attacker.stages.accuracy or 0) - (defender.stages and defender.stages.evasion or 0)
  local chance = move.accuracy * stages.accuracyMultiplier(accStage)
  if chance >= 100 then return true end
  return rng.random(1, 100) <= chance
end

return M