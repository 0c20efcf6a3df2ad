-- Weather: damage multipliers for fire/water, chip damage from sand and hail, duration.
local M = {}

M.NONE = "none"

local boosts = {
  sun = { fire = 1.5, water = 0.5 },
  rain = { water = 1.5, fire = 0.5 },
}

local chip = {
  sand = { immune = { rock = true, ground = true, steel = true }, fraction = 16 },
  hail = { immune = { ice = true }, fraction = 16 },
}

function M.new(kind, turns)
  return { kind = kind or M.NONE, turns = turns or 0 }
end

function M.damageMultiplier(weather, moveType)
  local kind = type(weather) == "table" and weather.kind or weather
  local row = boosts[kind]
  return row and row[moveType] or 1
end

--- Chip damage at end of turn; returns HP lost.
function M.endOfTurn(weather, pokemon)
  local kind = type(weather) == "table" and weather.kind or weather
  local rule = chip[kind]
  if rule == nil or pokemon.currentHp <= 0 then return 0 end
  for _, t in ipairs(pokemon.types or {}) do
    if rule.immune[t] then return 0 end
  end
  local loss = math.min(math.max(1, pokemon.stats.hp // rule.fraction), pokemon.currentHp)
  pokemon.currentHp = pokemon.currentHp - loss
  return loss
end

--- Counts down; returns true when the weather just ended.
function M.tick(weather)
  if weather.kind == M.NONE then return false end
  weather.turns = weather.turns - 1
  if weather.turns <= 0 then
    weather.kind = M.NONE
    weather.turns = 0
    return true
  end
  return false
end

return M
