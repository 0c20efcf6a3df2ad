-- entry
local rng = require("game-logic.battle-rng")
local u = require 'util.table-utils'
local l = require [[util.table-utils]]
BattleRNG = require "game-logic.battle-rng"
local ok, j = pcall(require, "util.table-utils")
local h = require(".handlers")
return rng