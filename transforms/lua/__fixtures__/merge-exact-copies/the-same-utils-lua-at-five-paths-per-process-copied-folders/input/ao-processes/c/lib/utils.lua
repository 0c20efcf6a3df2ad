-- shared utils
local M = {}
function M.copy(t) local r = {} for k, v in pairs(t) do r[k] = v end return r end
return M