-- Best runs per mode: the highest wave reached, ties broken by money, then by earlier finish.
local M = {}

M.MAX_ENTRIES = 100

local boards = {}

function M.reset()
  boards = {}
end

local function better(a, b)
  if a.wave ~= b.wave then return a.wave > b.wave end
  if a.money ~= b.money then return a.money > b.money end
  if a.finishedAt ~= b.finishedAt then return a.finishedAt < b.finishedAt end
  return a.playerId < b.playerId
end

--- Records a finished session summary; keeps each player's best run per mode.
function M.record(mode, summary, ts)
  boards[mode] = boards[mode] or {}
  local board = boards[mode]
  local entry = { playerId = summary.playerId, wave = summary.wave or 1, money = summary.money or 0,
    battles = summary.battles or 0, finishedAt = ts or 0 }
  for i, existing in ipairs(board) do
    if existing.playerId == entry.playerId then
      if better(entry, existing) then board[i] = entry end
      table.sort(board, better)
      return M.rankOf(mode, entry.playerId)
    end
  end
  board[#board + 1] = entry
  table.sort(board, better)
  if #board > M.MAX_ENTRIES then table.remove(board) end
  return M.rankOf(mode, entry.playerId)
end

function M.rankOf(mode, playerId)
  for i, e in ipairs(boards[mode] or {}) do
    if e.playerId == playerId then return i end
  end
  return nil
end

--- Top `limit` entries of a mode, with their rank.
function M.top(mode, limit)
  local out = {}
  for i, e in ipairs(boards[mode] or {}) do
    if i > (limit or 10) then break end
    out[i] = { rank = i, playerId = e.playerId, wave = e.wave, money = e.money, battles = e.battles }
  end
  return out
end

function M.size(mode)
  return #(boards[mode] or {})
end

return M
