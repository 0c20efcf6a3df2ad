local rng = require("runtime.game-logic.battle-rng")
print(rng)
