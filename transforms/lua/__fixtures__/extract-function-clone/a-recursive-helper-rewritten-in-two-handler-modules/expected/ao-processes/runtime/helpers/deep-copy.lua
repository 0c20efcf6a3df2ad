-- extracted by lua/extract-function-clone
local H = {}
local function deepCopy(t)
  if type(t) ~= "table" then return t end
  local r = {}
  for k, v in pairs(t) do r[k] = deepCopy(v) end
  return r
end
H.deepCopy = deepCopy
return H
