-- entry
local rng = require("runtime.game-logic.battle-rng")
local u = require 'runtime.util.table-utils'
local l = require [[runtime.util.table-utils]]
BattleRNG = require "runtime.game-logic.battle-rng"
local ok, j = pcall(require, "runtime.util.table-utils")
local h = require(".handlers")
return rng