-- Type effectiveness over the generated chart, with the labels battle logs print.
local typeChart = require("data.constants.type-chart")

local M = {}

function M.getMultiplier(moveType, defenderTypes)
  return typeChart.getEffectiveness(moveType, defenderTypes)
end

function M.describe(mult)
  if mult == 0 then return "no_effect" end
  if mult >= 2 then return "super_effective" end
  if mult < 1 then return "not_very_effective" end
  return "neutral"
end

--- Types that hit the given defender for 2x or more, in chart order (for reply payloads).
function M.weaknesses(defenderTypes)
  local out = {}
  for _, attackType in ipairs(typeChart.types) do
    if typeChart.getEffectiveness(attackType, defenderTypes) >= 2 then out[#out + 1] = attackType end
  end
  return out
end

function M.resistances(defenderTypes)
  local out = {}
  for _, attackType in ipairs(typeChart.types) do
    local m = typeChart.getEffectiveness(attackType, defenderTypes)
    if m < 1 then out[#out + 1] = attackType end
  end
  return out
end

return M
