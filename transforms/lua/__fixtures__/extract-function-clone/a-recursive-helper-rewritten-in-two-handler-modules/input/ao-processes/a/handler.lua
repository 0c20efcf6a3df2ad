local M = {}
-- copy helper
local function deepCopy(t)
  if type(t) ~= "table" then return t end
  local r = {}
  for k, v in pairs(t) do r[k] = deepCopy(v) end
  return r
end
function M.get(x) return deepCopy(x) end
return M
