local M = {}
-- copy helper
local deepCopy = require("runtime.helpers.deep-copy").deepCopy
function M.get(x) return deepCopy(x) end
return M
