local U = {}
function U.deepCopy(t)
  if type(t) ~= "table" then return t end
  local r = {}
  for k, v in pairs(t) do r[k] = U.deepCopy(v) end
  return r
end
return U
