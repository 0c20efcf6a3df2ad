-- Bounded in-memory log; entries carry the message timestamp, never the wall clock.
local M = {}

local entries = {}
local limit = 200
local levels = { debug = 1, info = 2, warn = 3, error = 4 }
local threshold = levels.info

function M.setLevel(name)
  threshold = levels[name] or threshold
end

function M.log(level, source, text, ts)
  if (levels[level] or 0) < threshold then return end
  entries[#entries + 1] = { level = level, source = source, text = tostring(text), ts = ts or 0 }
  if #entries > limit then table.remove(entries, 1) end
end

function M.info(source, text, ts) M.log("info", source, text, ts) end
function M.warn(source, text, ts) M.log("warn", source, text, ts) end
function M.error(source, text, ts) M.log("error", source, text, ts) end

function M.recent(n)
  local out = {}
  local first = math.max(1, #entries - (n or 20) + 1)
  for i = first, #entries do out[#out + 1] = entries[i] end
  return out
end

function M.count()
  return #entries
end

function M.clear()
  entries = {}
end

return M
