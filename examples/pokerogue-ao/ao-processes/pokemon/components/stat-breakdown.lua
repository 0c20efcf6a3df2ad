-- Explains a creature's stats: for each stat the base value, IV, EV, the nature's effect and
-- the resulting number, plus how much each part contributes at the current level. Also lists
-- the moves it can learn now (not yet known) and the next ones by level.
local speciesDb = require("data.species.species-database")
local moveDb = require("data.moves.move-database")
local natures = require("data.constants.natures")
local statCalculator = require("game-logic.stats.stat-calculator")

local M = {}

M.UPCOMING_LIMIT = 5

function M.breakdown(record)
  local species = speciesDb.get(record.speciesId)
  local rows = {}
  for i, key in ipairs(statCalculator.STAT_KEYS) do
    local base, iv, ev = species.baseStats[key], record.ivs[key], record.evs[key] or 0
    local natureMod = key == "hp" and 1 or natures.modifier(record.nature, key)
    -- What the stat would be with zero IVs/EVs and a neutral nature, to show each contribution.
    local plain = key == "hp" and statCalculator.calcHP(base, 0, 0, record.level)
      or statCalculator.calcStat(base, 0, 0, record.level, 1)
    local withIv = key == "hp" and statCalculator.calcHP(base, iv, 0, record.level)
      or statCalculator.calcStat(base, iv, 0, record.level, 1)
    local withEv = key == "hp" and statCalculator.calcHP(base, iv, ev, record.level)
      or statCalculator.calcStat(base, iv, ev, record.level, 1)
    rows[i] = {
      stat = key,
      base = base,
      iv = iv,
      ev = ev,
      nature = natureMod == 1.1 and "raised" or natureMod == 0.9 and "lowered" or "neutral",
      value = record.stats[key],
      fromBase = plain,
      fromIv = withIv - plain,
      fromEv = withEv - withIv,
      fromNature = record.stats[key] - withEv,
    }
  end
  return { uid = record.uid, level = record.level, nature = record.nature, total = statCalculator.total(record.stats),
    baseTotal = statCalculator.total(species.baseStats), stats = rows }
end

--- {now = moves learnable at or below the level and not known, upcoming = next few by level}
function M.learnable(record)
  local species = speciesDb.get(record.speciesId)
  local known = {}
  for _, m in ipairs(record.moves) do known[m.id] = true end
  local now, upcoming, seen = {}, {}, {}
  for _, row in ipairs(species.learnset) do
    if not known[row.move] and not seen[row.move] then
      seen[row.move] = true
      local move = moveDb.get(row.move)
      local entry = { moveId = move.id, name = move.name, type = move.type, power = move.power, level = row.level }
      if row.level <= record.level then
        now[#now + 1] = entry
      elseif #upcoming < M.UPCOMING_LIMIT then
        upcoming[#upcoming + 1] = entry
      end
    end
  end
  return { uid = record.uid, now = now, upcoming = upcoming }
end

return M
