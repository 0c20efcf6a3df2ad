-- LEGACY (single-process era): the battle loop before the battle process existed.
-- Unreachable since the split; the battle process has its own handlers. It still shows the
-- old habit of re-seeding the global RNG per request.
local battleRng = require("game-logic.rng.battle-rng")
local seedManager = require("game-logic.rng.seed-manager")

local BattleHandler = {}

local battles = {}

local function deepCopy(value)
  if type(value) ~= "table" then return value end
  local out = {}
  for k, v in pairs(value) do out[k] = deepCopy(v) end
  return out
end

local function createErrorResponse(code, message, extra)
  local r = { success = false, error = code, message = message }
  for k, v in pairs(extra or {}) do r[k] = v end
  return r
end

--- Old damage roll: level-scaled power with a 85..100 % spread.
local function roll(attacker, defender, power)
  local base = ((2 * attacker.level) // 5 + 2) * power * attacker.attack // math.max(1, defender.defense) // 50 + 2
  return math.max(1, base * battleRng.random(85, 100) // 100)
end

function BattleHandler.start(sessionId, player, wild)
  local id = seedManager.battleSeed(sessionId, 1)
  battleRng.initGlobalRNG(id)
  battles[id] = { player = deepCopy(player), wild = deepCopy(wild), turn = 0, log = {} }
  return { success = true, battleId = id }
end

function BattleHandler.turn(battleId, power)
  local b = battles[battleId]
  if not b then return createErrorResponse("NOT_FOUND", "no battle " .. tostring(battleId)) end
  if b.wild.hp <= 0 or b.player.hp <= 0 then return createErrorResponse("FINISHED", "battle is over") end
  b.turn = b.turn + 1
  local dmg = roll(b.player, b.wild, power or 40)
  b.wild.hp = math.max(0, b.wild.hp - dmg)
  local taken = 0
  if b.wild.hp > 0 then
    taken = roll(b.wild, b.player, 40)
    b.player.hp = math.max(0, b.player.hp - taken)
  end
  b.log[#b.log + 1] = { turn = b.turn, dealt = dmg, taken = taken }
  return { success = true, turn = b.turn, dealt = dmg, taken = taken, wildHp = b.wild.hp, playerHp = b.player.hp }
end

return BattleHandler
