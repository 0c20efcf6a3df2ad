-- The daily run: every player gets the same seed and rule set on the same day. Rules are drawn
-- from fixed lists with a generator seeded by the day index (message timestamps, never a clock).
local battleRng = require("game-logic.rng.battle-rng")
local seedManager = require("game-logic.rng.seed-manager")
local cryptoRng = require("game-logic.rng.crypto-rng")
local timeUtils = require("game-logic.utils.time-utils")

local M = {}

M.WEATHERS = { "none", "sun", "rain", "sand", "hail" }
M.MODIFIERS = {
  { id = "double-money", text = "Trainers pay double" },
  { id = "no-items", text = "No items in battle" },
  { id = "hard-wild", text = "Wild creatures are 3 levels higher" },
  { id = "fast-eggs", text = "Eggs hatch twice as fast" },
  { id = "mono-type", text = "Only one type in the party" },
  { id = "low-start", text = "Start with half the usual money" },
  { id = "crit-boost", text = "Critical hits are twice as likely" },
  { id = "no-berries", text = "Berries do not activate" },
}
M.STARTING_MONEY = { 1500, 3000, 4500 }

local cache = {}
local entries = {}

--- Rules of the day containing ts: {day, seed, weather, modifiers, startingMoney}.
function M.forDay(ts)
  local day = timeUtils.dayIndex(ts)
  if cache[day] then return cache[day] end
  local seed = cryptoRng.hash(seedManager.shopSeed(day) .. ":daily")
  local rng = battleRng.create(seed)
  local picked, used = {}, {}
  while #picked < 2 do
    local m = M.MODIFIERS[rng.random(1, #M.MODIFIERS)]
    if not used[m.id] then
      used[m.id] = true
      picked[#picked + 1] = m
    end
  end
  table.sort(picked, function(a, b) return a.id < b.id end)
  cache[day] = {
    day = day,
    seed = seed,
    weather = M.WEATHERS[rng.random(1, #M.WEATHERS)],
    modifiers = picked,
    startingMoney = M.STARTING_MONEY[rng.random(1, #M.STARTING_MONEY)],
  }
  return cache[day]
end

--- One entry per player per day; returns the rules or nil and a code.
function M.enter(playerId, ts)
  local rules = M.forDay(ts)
  entries[rules.day] = entries[rules.day] or {}
  if entries[rules.day][playerId] then return nil, "INVALID_ACTION" end
  entries[rules.day][playerId] = ts
  return rules
end

function M.entrants(ts)
  local n = 0
  for _ in pairs(entries[timeUtils.dayIndex(ts)] or {}) do n = n + 1 end
  return n
end

return M
