local s = require("game-logic.shared")
