-- Per-battler statistics folded from the turn events: damage dealt and taken, critical hits,
-- knock-outs, moves used, status inflicted. Kept on the battle; reported in summaries.
local M = {}

local function row(stats, uid)
  local r = stats[uid]
  if r == nil then
    r = { damageDealt = 0, damageTaken = 0, criticalHits = 0, knockOuts = 0, fainted = false,
      movesUsed = 0, misses = 0, statusInflicted = 0, healed = 0 }
    stats[uid] = r
  end
  return r
end

--- Updates battle.statistics from one turn's events; remembers who hit last for knock-outs.
function M.record(battle, events)
  battle.statistics = battle.statistics or {}
  local stats = battle.statistics
  battle.lastHitBy = battle.lastHitBy or {}
  for _, e in ipairs(events) do
    if e.kind == "damage" then
      row(stats, e.source).damageDealt = row(stats, e.source).damageDealt + e.damage
      row(stats, e.target).damageTaken = row(stats, e.target).damageTaken + e.damage
      if e.critical then row(stats, e.source).criticalHits = row(stats, e.source).criticalHits + 1 end
      battle.lastHitBy[e.target] = e.source
    elseif e.kind == "move" then
      row(stats, e.source).movesUsed = row(stats, e.source).movesUsed + 1
    elseif e.kind == "miss" then
      row(stats, e.source).misses = row(stats, e.source).misses + 1
    elseif e.kind == "status" then
      local by = battle.lastHitBy[e.target]
      if by then row(stats, by).statusInflicted = row(stats, by).statusInflicted + 1 end
    elseif e.kind == "faint" then
      row(stats, e.target).fainted = true
      local by = battle.lastHitBy[e.target]
      if by then row(stats, by).knockOuts = row(stats, by).knockOuts + 1 end
    elseif e.healed and e.target then
      row(stats, e.target).healed = row(stats, e.target).healed + e.healed
    end
  end
end

--- Sorted list of {uid, ...} rows for replies.
function M.report(battle)
  local stats = battle.statistics or {}
  local uids = {}
  for uid in pairs(stats) do uids[#uids + 1] = uid end
  table.sort(uids)
  local out = {}
  for i, uid in ipairs(uids) do
    local r = stats[uid]
    out[i] = { uid = uid, damageDealt = r.damageDealt, damageTaken = r.damageTaken, criticalHits = r.criticalHits,
      knockOuts = r.knockOuts, fainted = r.fainted, movesUsed = r.movesUsed, misses = r.misses,
      statusInflicted = r.statusInflicted, healed = r.healed }
  end
  return out
end

--- The player's battler with the most damage dealt (ties: lowest uid), or "none".
function M.mostValuable(battle, side)
  local best, bestDamage = "none", -1
  for _, r in ipairs(M.report(battle)) do
    if r.uid:sub(1, #side) == side and r.damageDealt > bestDamage then
      best, bestDamage = r.uid, r.damageDealt
    end
  end
  return best
end

return M
