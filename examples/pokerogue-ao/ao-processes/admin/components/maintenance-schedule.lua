-- Maintenance windows planned by the owner. A window is active when a message's timestamp falls
-- inside it; overlapping windows are refused so every moment has at most one reason.
local tableUtils = require("admin.components.table-utils")
local cryptoRng = require("game-logic.rng.crypto-rng")

local M = {}

M.MAX_DURATION_MS = 6 * 3600 * 1000
M.MAX_WINDOWS = 20

local windows = {}

function M.reset()
  windows = {}
end

local function overlaps(a, b)
  return a.startsAt < b.endsAt and b.startsAt < a.endsAt
end

--- Plans a window; returns it or nil and a problem text.
function M.plan(startsAt, durationMs, reason, ts)
  if math.type(startsAt) ~= "integer" or startsAt < ts then return nil, "startsAt must be a future timestamp (ms)" end
  if math.type(durationMs) ~= "integer" or durationMs <= 0 or durationMs > M.MAX_DURATION_MS then
    return nil, "durationMs must be 1.." .. M.MAX_DURATION_MS
  end
  if #windows >= M.MAX_WINDOWS then return nil, "too many planned windows" end
  local window = { startsAt = startsAt, endsAt = startsAt + durationMs, reason = reason or "maintenance" }
  for _, w in ipairs(windows) do
    if overlaps(w, window) then return nil, "overlaps the window " .. w.id end
  end
  window.id = cryptoRng.generateId("mw", tostring(startsAt))
  windows[#windows + 1] = window
  table.sort(windows, function(a, b) return a.startsAt < b.startsAt end)
  return tableUtils.deepCopy(window)
end

function M.cancel(id)
  for i, w in ipairs(windows) do
    if w.id == id then
      table.remove(windows, i)
      return true
    end
  end
  return false
end

--- The window active at ts, or nil.
function M.activeAt(ts)
  for _, w in ipairs(windows) do
    if ts >= w.startsAt and ts < w.endsAt then return tableUtils.deepCopy(w) end
  end
  return nil
end

--- Windows not yet over at ts.
function M.upcoming(ts)
  return tableUtils.filter(tableUtils.deepCopy(windows), function(w) return w.endsAt > ts end)
end

return M
