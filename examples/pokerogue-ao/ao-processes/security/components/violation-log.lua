-- Violations per player: anti-cheat rejections and reports from other processes.
local M = {}

local byPlayer = {}
local total = 0

M.BAN_THRESHOLD = 5

function M.reset()
  byPlayer, total = {}, 0
end

function M.record(playerId, kind, details, source, ts)
  byPlayer[playerId] = byPlayer[playerId] or {}
  local list = byPlayer[playerId]
  list[#list + 1] = { kind = kind, details = details, source = source, ts = ts or 0 }
  if #list > 50 then table.remove(list, 1) end
  total = total + 1
  return #list
end

function M.of(playerId)
  return byPlayer[playerId] or {}
end

function M.isFlagged(playerId)
  return #(byPlayer[playerId] or {}) >= M.BAN_THRESHOLD
end

--- Sorted {playerId, count, flagged} summary.
function M.summary()
  local out = {}
  for id, list in pairs(byPlayer) do
    out[#out + 1] = { playerId = id, count = #list, flagged = #list >= M.BAN_THRESHOLD }
  end
  table.sort(out, function(a, b) return a.playerId < b.playerId end)
  return out
end

function M.total()
  return total
end

return M
