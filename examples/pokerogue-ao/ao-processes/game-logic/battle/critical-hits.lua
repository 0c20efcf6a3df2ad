-- Critical hits: stage 0 is 1 in 24, +1 is 1 in 8, +2 is 1 in 2, +3 and above always.
local M = {}

local DENOMINATORS = { [0] = 24, [1] = 8, [2] = 2 }

M.MULTIPLIER = 1.5

function M.chanceForStage(stage)
  stage = math.max(0, stage or 0)
  if stage >= 3 then return 1 end
  return 1 / DENOMINATORS[stage]
end

--- rng: anything with random(min, max). Returns true on a critical hit.
function M.roll(stage, rng)
  stage = math.max(0, stage or 0)
  if stage >= 3 then return true end
  return rng.random(1, DENOMINATORS[stage]) == 1
end

return M
