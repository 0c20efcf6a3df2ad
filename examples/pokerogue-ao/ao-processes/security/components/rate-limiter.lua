-- Actions per player per time window (message timestamps), for VALIDATE_ACTION.
local M = {}

M.WINDOW_MS = 10000
M.MAX_ACTIONS = 8

local windows = {}

function M.reset()
  windows = {}
end

--- Counts one action; returns true when still under the limit.
function M.allow(playerId, ts)
  local w = windows[playerId]
  if w == nil or ts - w.start >= M.WINDOW_MS then
    w = { start = ts, count = 0 }
    windows[playerId] = w
  end
  w.count = w.count + 1
  return w.count <= M.MAX_ACTIONS, w.count
end

return M
