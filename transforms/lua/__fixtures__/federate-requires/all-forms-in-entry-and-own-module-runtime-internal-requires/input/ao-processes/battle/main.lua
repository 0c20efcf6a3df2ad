-- battle
local rng = require("runtime.rng")
local u = require 'runtime.utils'
local l = require [[runtime.utils]]
local ok, j = pcall(require, "runtime.utils")
local own = require("battle.turn")
local json = require("json")
return own