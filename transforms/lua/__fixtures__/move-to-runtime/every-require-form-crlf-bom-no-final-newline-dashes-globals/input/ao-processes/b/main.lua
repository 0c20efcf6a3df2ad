local rng = require("game-logic.battle-rng")
print(rng)
