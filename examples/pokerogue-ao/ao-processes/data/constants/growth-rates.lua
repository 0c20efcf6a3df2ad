-- Experience curves: total experience needed to reach a level, per growth rate.
local M = {}

local function cube(n)
  return n * n * n
end

-- Integer formulas; every curve gives 0 at level 1 so new creatures start at 0 experience.
local curves = {
  fast = function(n) return (4 * cube(n)) // 5 end,
  medium_fast = function(n) return cube(n) end,
  medium_slow = function(n)
    return math.max(0, (6 * cube(n)) // 5 - 15 * n * n + 100 * n - 140)
  end,
  slow = function(n) return (5 * cube(n)) // 4 end,
  erratic = function(n)
    if n <= 50 then return (cube(n) * (100 - n)) // 50 end
    if n <= 68 then return (cube(n) * (150 - n)) // 100 end
    if n <= 98 then return (cube(n) * ((1911 - 10 * n) // 3)) // 500 end
    return (cube(n) * (160 - n)) // 100
  end,
  fluctuating = function(n)
    if n <= 15 then return (cube(n) * ((n + 1) // 3 + 24)) // 50 end
    if n <= 36 then return (cube(n) * (n + 14)) // 50 end
    return (cube(n) * (n // 2 + 32)) // 50
  end,
}

function M.isKnown(rate)
  return curves[rate] ~= nil
end

--- Total experience at the start of `level` (level 1 is always 0).
function M.expForLevel(rate, level)
  local f = curves[rate] or curves.medium_fast
  if level <= 1 then return 0 end
  return f(math.min(level, 100))
end

--- Highest level whose threshold `exp` has reached (1..100).
function M.levelForExp(rate, exp)
  local level = 1
  while level < 100 and M.expForLevel(rate, level + 1) <= exp do
    level = level + 1
  end
  return level
end

return M
