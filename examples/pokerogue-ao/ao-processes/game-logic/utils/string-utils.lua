-- String helpers: splitting tag lists, trimming user input, padding ids for display.
local M = {}

function M.trim(s)
  if type(s) ~= "string" then return s end
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

function M.split(s, sep)
  local out = {}
  if type(s) ~= "string" or s == "" then return out end
  sep = sep or ","
  local start = 1
  while true do
    local i, j = string.find(s, sep, start, true)
    if not i then
      out[#out + 1] = string.sub(s, start)
      break
    end
    out[#out + 1] = string.sub(s, start, i - 1)
    start = j + 1
  end
  return out
end

function M.startsWith(s, prefix)
  return type(s) == "string" and string.sub(s, 1, #prefix) == prefix
end

function M.endsWith(s, suffix)
  return type(s) == "string" and (suffix == "" or string.sub(s, -#suffix) == suffix)
end

function M.padLeft(s, width, char)
  s = tostring(s)
  if #s >= width then return s end
  return string.rep(char or " ", width - #s) .. s
end

--- "PROCESS_BATTLE000..." -> "PROC...0000", for log lines.
function M.shortId(id)
  id = tostring(id or "")
  if #id <= 12 then return id end
  return string.sub(id, 1, 4) .. "..." .. string.sub(id, -4)
end

function M.toLowerKey(s)
  return (tostring(s or ""):lower():gsub("[^%w]+", "-"))
end

function M.isBlank(s)
  return s == nil or (type(s) == "string" and s:match("^%s*$") ~= nil)
end

return M
