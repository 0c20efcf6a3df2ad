-- Capture formula: a catch value from HP, catch rate, ball and status, then four shake checks.
local items = require("data.items.item-database")
local speciesDb = require("data.species.species-database")
require("data.constants.game-constants")

local M = {}

local STATUS_BONUS = { sleep = 2.5, freeze = 2.5, paralysis = 1.5, burn = 1.5, poison = 1.5 }

function M.ballBonus(ballId, target)
  local ball = items.get(ballId)
  if ball == nil or ball.kind ~= "ball" then return nil end
  local bonus = ball.catchBonus
  if ball.typeBonus then
    for _, t in ipairs(target.types or {}) do
      for _, bt in ipairs(ball.typeBonus.types) do
        if t == bt then return ball.typeBonus.multiplier end
      end
    end
  end
  return bonus
end

--- a = ((3*maxHP - 2*HP) * rate * ball) / (3*maxHP) * status
function M.catchValue(target, ballBonus)
  local species = speciesDb.get(target.speciesId)
  local rate = species and species.catchRate or 45
  local maxHp = target.stats.hp
  local hp = math.max(1, target.currentHp)
  local a = ((3 * maxHp - 2 * hp) * rate * ballBonus) / (3 * maxHp)
  a = a * (STATUS_BONUS[target.status] or 1)
  return math.floor(a)
end

--- Probability threshold of one shake check (out of 65536).
function M.shakeThreshold(a)
  if a >= 255 then return 65536 end
  return math.floor(65536 / ((255 / math.max(1, a)) ^ 0.1875))
end

--- Returns {caught, shakes, catchValue}.
function M.attempt(target, ballBonus, rng)
  local a = M.catchValue(target, ballBonus)
  if a >= 255 then return { caught = true, shakes = GameConstants.SHAKE_CHECKS, catchValue = a } end
  local b = M.shakeThreshold(a)
  local shakes = 0
  for _ = 1, GameConstants.SHAKE_CHECKS do
    if rng.random(0, 65535) >= b then break end
    shakes = shakes + 1
  end
  return { caught = shakes == GameConstants.SHAKE_CHECKS, shakes = shakes, catchValue = a }
end

return M
