local t = require("battle.turn")
local d = require("game-logic.damage")
local r = Federation.require("runtime.rng", "^1.0.0")
return t