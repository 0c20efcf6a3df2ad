-- JSON codec with sorted object keys, so replies are byte-identical across runs and builds
-- (aos's own json encodes in pairs() order, which differs between builds).
local M = {}

local okJson, hostJson = pcall(require, "json")

local escapes = {
  ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
  ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t',
}

local function escapeString(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return escapes[c] or string.format("\\u%04x", string.byte(c))
  end) .. '"'
end

local function isArray(t)
  local n = 0
  for k in pairs(t) do
    if type(k) ~= "number" or k <= 0 or math.type(k) ~= "integer" then return false end
    n = n + 1
  end
  for i = 1, n do
    if t[i] == nil then return false end
  end
  return true, n
end

local encodeValue

local function encodeTable(t, seen)
  if seen[t] then error("json-codec: circular reference") end
  seen[t] = true
  local out = {}
  local array, n = isArray(t)
  if array and n > 0 then
    for i = 1, n do out[i] = encodeValue(t[i], seen) end
    seen[t] = nil
    return "[" .. table.concat(out, ",") .. "]"
  end
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = tostring(k) end
  table.sort(keys)
  for _, k in ipairs(keys) do
    local v = t[k]
    if v == nil then v = t[tonumber(k)] end
    out[#out + 1] = escapeString(k) .. ":" .. encodeValue(v, seen)
  end
  seen[t] = nil
  if #out == 0 and array then return "[]" end
  return "{" .. table.concat(out, ",") .. "}"
end

encodeValue = function(v, seen)
  local tv = type(v)
  if tv == "nil" then return "null" end
  if tv == "boolean" then return tostring(v) end
  if tv == "number" then
    if v ~= v or v == math.huge or v == -math.huge then return "null" end
    if math.type(v) == "integer" then return string.format("%d", v) end
    if v == math.floor(v) and math.abs(v) < 1e15 then return string.format("%d", math.floor(v)) end
    return string.format("%.14g", v)
  end
  if tv == "string" then return escapeString(v) end
  if tv == "table" then return encodeTable(v, seen) end
  error("json-codec: cannot encode a " .. tv)
end

--- Encodes with sorted keys; an empty table becomes [].
function M.encode(value)
  return encodeValue(value, {})
end

--- Decodes JSON text; returns nil and an error message instead of raising.
function M.decode(text)
  if type(text) ~= "string" or text == "" then return nil, "empty JSON text" end
  if not okJson then return nil, "no json module" end
  local ok, value = pcall(hostJson.decode, text)
  if not ok then return nil, "invalid JSON: " .. tostring(value) end
  return value
end

--- Decodes msg.Data when it is JSON, else returns an empty table (and the error).
function M.decodeData(msg)
  if type(msg) ~= "table" or msg.Data == nil or msg.Data == "" then return {}, nil end
  if type(msg.Data) == "table" then return msg.Data, nil end
  local value, err = M.decode(msg.Data)
  if value == nil then return nil, err end
  if type(value) ~= "table" then return nil, "JSON data must be an object" end
  return value, nil
end

return M
