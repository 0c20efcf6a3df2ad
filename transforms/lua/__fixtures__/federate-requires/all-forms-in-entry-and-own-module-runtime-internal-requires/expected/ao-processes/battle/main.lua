-- battle
require("runtime.ao_federate")
local rng = Federation.require("runtime.rng", "^1.2.0")
local u = Federation.require ('runtime.utils', '^1.0.0')
local l = Federation.require ([[runtime.utils]], "^1.0.0")
local ok, j = pcall(Federation.require, "runtime.utils", "^1.0.0")
local own = require("battle.turn")
local json = require("json")
return own