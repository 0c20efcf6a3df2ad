-- Battle RNG: same seed, same rolls; ranges respected; the economy's drifted copy differs.
local T = require("tests.test-helpers")
local rng = require("game-logic.rng.battle-rng")
local shopRng = require("economy.components.battle-rng")

return T.run("rng", {
  sameSeedSameSequence = function()
    rng.initGlobalRNG("seed-1")
    local a = { rng.random(1, 100), rng.random(1, 100), rng.random(1, 100) }
    rng.initGlobalRNG("seed-1")
    for i = 1, 3 do T.eq(rng.random(1, 100), a[i], "roll " .. i) end
  end,
  rangeIsInclusive = function()
    rng.initGlobalRNG("range")
    local seen = {}
    for _ = 1, 400 do
      local v = rng.random(1, 4)
      T.truthy(v >= 1 and v <= 4, "in range")
      seen[v] = true
    end
    for v = 1, 4 do T.truthy(seen[v], "saw " .. v) end
  end,
  chanceBounds = function()
    T.eq(rng.chance(0), false, "0%")
    T.eq(rng.chance(100), true, "100%")
  end,
  driftedCopyTakesTimestamp = function()
    rng.initGlobalRNG("day-1")
    shopRng.initGlobalRNG("day-1", 86400000)
    T.truthy(rng.next() ~= shopRng.next(), "timestamp changes the sequence")
  end,
  privateGenerators = function()
    local g1, g2 = rng.create("x"), rng.create("x")
    T.eq(g1.random(1, 1000), g2.random(1, 1000), "same seed")
  end,
})
