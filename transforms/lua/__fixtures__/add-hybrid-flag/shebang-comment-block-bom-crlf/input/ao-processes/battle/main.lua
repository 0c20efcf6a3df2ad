#!/usr/bin/env lua
-- Battle process
--[[ long
comment ]]
local x = 1
return x