-- Table helpers used across processes: copies, merges, sorted iteration, counting.
local M = {}

--- Deep copy; shared sub-tables are copied once, cycles are preserved.
function M.deepCopy(value, seen)
  if type(value) ~= "table" then return value end
  seen = seen or {}
  if seen[value] then return seen[value] end
  local copy = {}
  seen[value] = copy
  for k, v in pairs(value) do
    copy[M.deepCopy(k, seen)] = M.deepCopy(v, seen)
  end
  return setmetatable(copy, getmetatable(value))
end

function M.shallowCopy(t)
  local copy = {}
  for k, v in pairs(t or {}) do copy[k] = v end
  return copy
end

--- Recursive merge of b into a copy of a; arrays in b replace arrays in a.
function M.merge(a, b)
  local out = M.deepCopy(a or {})
  for k, v in pairs(b or {}) do
    if type(v) == "table" and type(out[k]) == "table" and not M.isArray(v) then
      out[k] = M.merge(out[k], v)
    else
      out[k] = M.deepCopy(v)
    end
  end
  return out
end

function M.isArray(t)
  if type(t) ~= "table" then return false end
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  for i = 1, n do
    if t[i] == nil then return false end
  end
  return true
end

--- Keys in sorted order (numbers before strings).
function M.sortedKeys(t)
  local keys = {}
  for k in pairs(t or {}) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta == "number" end
    return a < b
  end)
  return keys
end

--- Iterator over pairs in sorted key order, for deterministic output.
function M.sortedPairs(t)
  local keys = M.sortedKeys(t)
  local i = 0
  return function()
    i = i + 1
    local k = keys[i]
    if k ~= nil then return k, t[k] end
  end
end

function M.count(t)
  local n = 0
  for _ in pairs(t or {}) do n = n + 1 end
  return n
end

function M.contains(list, value)
  for _, v in ipairs(list or {}) do
    if v == value then return true end
  end
  return false
end

function M.map(list, fn)
  local out = {}
  for i, v in ipairs(list or {}) do out[i] = fn(v, i) end
  return out
end

function M.filter(list, fn)
  local out = {}
  for _, v in ipairs(list or {}) do
    if fn(v) then out[#out + 1] = v end
  end
  return out
end

function M.reduce(list, fn, acc)
  for _, v in ipairs(list or {}) do acc = fn(acc, v) end
  return acc
end

function M.values(t)
  local out = {}
  for _, k in ipairs(M.sortedKeys(t)) do out[#out + 1] = t[k] end
  return out
end

--- Structural equality (used by state comparisons in anti-cheat and save games).
function M.equals(a, b)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then return false end
  for k, v in pairs(a) do
    if not M.equals(v, b[k]) then return false end
  end
  for k in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end

function M.slice(list, first, last)
  local out = {}
  for i = first or 1, last or #list do out[#out + 1] = list[i] end
  return out
end

return M
