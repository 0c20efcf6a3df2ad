-- Status conditions: what each does to a battler. Used by game-logic.battle.status-effects.
local M = {}

M.definitions = {
  -- Loses 1/16 max HP per turn; physical damage halved.
  burn = { endOfTurnFraction = 16, physicalModifier = 0.5, immuneTypes = { "fire" } },
  -- Loses 1/8 max HP per turn.
  poison = { endOfTurnFraction = 8, immuneTypes = { "poison", "steel" } },
  -- Speed halved; 25% chance to be fully paralysed each turn.
  paralysis = { speedModifier = 0.5, skipChance = 25, immuneTypes = { "electric" } },
  -- Cannot act for 1-3 turns.
  sleep = { minTurns = 1, maxTurns = 3, immuneTypes = {} },
  -- Cannot act; 20% chance to thaw each turn; fire moves thaw the target.
  freeze = { thawChance = 20, immuneTypes = { "ice" } },
}

function M.get(status)
  return M.definitions[status]
end

function M.isImmune(status, types)
  local def = M.definitions[status]
  if def == nil then return true end
  for _, t in ipairs(types or {}) do
    for _, immune in ipairs(def.immuneTypes) do
      if t == immune then return true end
    end
  end
  return false
end

return M
