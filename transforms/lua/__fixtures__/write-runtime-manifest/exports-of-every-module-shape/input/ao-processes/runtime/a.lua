local M = { size = 1 }
M.x = 1
function M.f() end
function M:g() end
M["h-i"] = 2
local function hidden() end
return M
