local d = require "game-logic.damage"
local s = require("game-logic.shared")
return {}
