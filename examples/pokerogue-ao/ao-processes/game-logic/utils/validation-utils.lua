-- Input validation shared by handlers: required fields, integer ranges, identifiers.
local M = {}

function M.isInteger(v)
  return type(v) == "number" and math.type(v) == "integer" or (type(v) == "number" and v == math.floor(v))
end

function M.isPositiveInteger(v)
  return M.isInteger(v) and v > 0
end

function M.inRange(v, min, max)
  return type(v) == "number" and v >= min and v <= max
end

--- Returns nil when every field is present, else the first missing field name.
function M.missingField(data, fields)
  if type(data) ~= "table" then return fields[1] or "data" end
  for _, f in ipairs(fields) do
    if data[f] == nil or data[f] == "" then return f end
  end
  return nil
end

--- Checks a table against {field = "number"|"string"|"table"|"boolean"}; returns ok, problem.
function M.checkTypes(data, schema)
  if type(data) ~= "table" then return false, "data must be an object" end
  local names = {}
  for name in pairs(schema) do names[#names + 1] = name end
  table.sort(names)
  for _, name in ipairs(names) do
    local want = schema[name]
    local optional = false
    if string.sub(want, -1) == "?" then
      optional = true
      want = string.sub(want, 1, -2)
    end
    local v = data[name]
    if v == nil then
      if not optional then return false, "missing field " .. name end
    elseif type(v) ~= want then
      return false, "field " .. name .. " must be a " .. want
    end
  end
  return true
end

function M.isProcessId(v)
  return type(v) == "string" and #v == 43 and v:match("^[%w_%-]+$") ~= nil
end

function M.clamp(v, min, max)
  if v < min then return min end
  if v > max then return max end
  return v
end

return M
