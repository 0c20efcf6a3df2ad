-- Enumerations shared by every process: types, stats, move categories, status conditions.
local M = {}

M.Types = {
  "normal", "fire", "water", "electric", "grass", "ice", "fighting", "poison", "ground",
  "flying", "psychic", "bug", "rock", "ghost", "dragon", "dark", "steel", "fairy",
}

M.TypeIndex = {}
for i, name in ipairs(M.Types) do
  M.TypeIndex[name] = i
end

-- Stat keys in display order; battle stats exclude hp.
M.Stats = { "hp", "attack", "defense", "spAttack", "spDefense", "speed" }
M.BattleStats = { "attack", "defense", "spAttack", "spDefense", "speed" }

M.Categories = {
  PHYSICAL = "physical",
  SPECIAL = "special",
  STATUS = "status",
}

M.Status = {
  NONE = "none",
  BURN = "burn",
  POISON = "poison",
  PARALYSIS = "paralysis",
  SLEEP = "sleep",
  FREEZE = "freeze",
}

M.GrowthRates = { "fast", "medium_fast", "medium_slow", "slow", "erratic", "fluctuating" }

M.Weather = {
  NONE = "none",
  SUN = "sun",
  RAIN = "rain",
  SAND = "sand",
  HAIL = "hail",
}

M.Terrain = {
  NONE = "none",
  ELECTRIC = "electric",
  GRASSY = "grassy",
  MISTY = "misty",
  PSYCHIC = "psychic",
}

M.BattleCommands = { "move", "switch", "item", "flee" }

function M.isType(name)
  return M.TypeIndex[name] ~= nil
end

function M.isStatus(name)
  for _, v in pairs(M.Status) do
    if v == name then return true end
  end
  return false
end

return M
