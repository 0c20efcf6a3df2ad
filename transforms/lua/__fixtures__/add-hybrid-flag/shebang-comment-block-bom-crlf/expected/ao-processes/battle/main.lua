#!/usr/bin/env lua
-- Battle process
--[[ long
comment ]]
-- ao-federate: mode flag (monolith | hybrid | federated); set FEDERATION_MODE by Eval, On-Boot data or the spawn tag Federation-Mode
FEDERATION_MODE = FEDERATION_MODE or Federation.spawnMode() or Federation.buildMode or "hybrid"
local x = 1
return x