local M = {}
local deepCopy = require("runtime.helpers.deep-copy").deepCopy
M.copy = deepCopy
return M