local d = require "battle.game-logic.damage"
local s = require("game-logic.shared")
return {}
