-- In-battle stat stages (-6..+6) and their multipliers.
local M = {}

function M.clamp(stage)
  if stage > 6 then return 6 end
  if stage < -6 then return -6 end
  return stage
end

--- Attack/defense/speed/special: +1 = 1.5x, +2 = 2x, -1 = 2/3, ...
function M.multiplier(stage)
  stage = M.clamp(stage or 0)
  if stage >= 0 then return (2 + stage) / 2 end
  return 2 / (2 - stage)
end

--- Accuracy and evasion use thirds.
function M.accuracyMultiplier(stage)
  stage = M.clamp(stage or 0)
  if stage >= 0 then return (3 + stage) / 3 end
  return 3 / (3 - stage)
end

function M.newStages()
  return { attack = 0, defense = 0, spAttack = 0, spDefense = 0, speed = 0, accuracy = 0, evasion = 0 }
end

--- Changes one stage; returns the amount actually applied (0 when already at the limit).
function M.change(stages, stat, delta)
  local before = stages[stat] or 0
  local after = M.clamp(before + delta)
  stages[stat] = after
  return after - before
end

return M
