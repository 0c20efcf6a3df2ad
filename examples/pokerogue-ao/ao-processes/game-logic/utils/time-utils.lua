-- Time from messages only (msg.Timestamp, milliseconds): never os.time, so replays are exact.
local M = {}

function M.timestampOf(msg)
  if type(msg) ~= "table" then return 0 end
  local ts = msg.Timestamp or (msg.Tags and msg.Tags.Timestamp)
  return math.tointeger(tonumber(ts) or 0) or math.floor(tonumber(ts) or 0)
end

function M.elapsed(fromTs, toTs)
  local d = (tonumber(toTs) or 0) - (tonumber(fromTs) or 0)
  if d < 0 then return 0 end
  return d
end

--- "1d 02:03:04" style text for uptime replies.
function M.formatDuration(ms)
  local s = math.floor((tonumber(ms) or 0) / 1000)
  local days = s // 86400
  s = s % 86400
  return string.format("%dd %02d:%02d:%02d", days, s // 3600, (s % 3600) // 60, s % 60)
end

function M.dayIndex(ts)
  return math.floor((tonumber(ts) or 0) / 86400000)
end

return M
