-- Stat formulas: base stat, individual value (IV), effort value (EV), level and nature.
local natures = require("data.constants.natures")

local M = {}

M.STAT_KEYS = { "hp", "attack", "defense", "spAttack", "spDefense", "speed" }

--- Max HP: floor((2*base + iv + floor(ev/4)) * level / 100) + level + 10.
function M.calcHP(base, iv, ev, level)
  if base == 1 then return 1 end -- single-HP species stay at 1
  local core = (2 * base + (iv or 0) + (ev or 0) // 4) * level // 100
  return core + level + 10
end

--- Other stats: floor((floor((2*base + iv + floor(ev/4)) * level / 100) + 5) * nature).
function M.calcStat(base, iv, ev, level, natureMod)
  local core = (2 * base + (iv or 0) + (ev or 0) // 4) * level // 100 + 5
  return math.floor(core * (natureMod or 1) + 1e-9)
end

--- All six stats for a species record at a level.
function M.calcAll(species, ivs, evs, level, nature)
  ivs = ivs or {}
  evs = evs or {}
  local base = species.baseStats
  local out = { hp = M.calcHP(base.hp, ivs.hp, evs.hp, level) }
  for i = 2, #M.STAT_KEYS do
    local key = M.STAT_KEYS[i]
    out[key] = M.calcStat(base[key], ivs[key], evs[key], level, natures.modifier(nature, key))
  end
  return out
end

--- Validates EV spreads: each <= 252, total <= 510.
function M.validEVs(evs)
  local total = 0
  for _, key in ipairs(M.STAT_KEYS) do
    local v = evs and evs[key] or 0
    if type(v) ~= "number" or v < 0 or v > 252 then return false, key end
    total = total + v
  end
  return total <= 510, total
end

function M.total(stats)
  local sum = 0
  for _, key in ipairs(M.STAT_KEYS) do sum = sum + (stats[key] or 0) end
  return sum
end

return M
