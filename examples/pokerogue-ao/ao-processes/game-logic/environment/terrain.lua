-- Terrain: boosts for grounded battlers, grassy healing, misty status protection.
local M = {}

local boosts = {
  electric = { electric = 1.3 },
  grassy = { grass = 1.3 },
  psychic = { psychic = 1.3 },
  misty = { dragon = 0.5 },
}

function M.isGrounded(pokemon)
  for _, t in ipairs(pokemon.types or {}) do
    if t == "flying" then return false end
  end
  return true
end

function M.damageMultiplier(terrain, moveType, grounded)
  local kind = type(terrain) == "table" and terrain.kind or terrain
  if not grounded then return 1 end
  local row = boosts[kind]
  return row and row[moveType] or 1
end

function M.blocksStatus(terrain, pokemon)
  local kind = type(terrain) == "table" and terrain.kind or terrain
  return kind == "misty" and M.isGrounded(pokemon)
end

function M.endOfTurn(terrain, pokemon)
  local kind = type(terrain) == "table" and terrain.kind or terrain
  if kind ~= "grassy" or not M.isGrounded(pokemon) or pokemon.currentHp <= 0 then return 0 end
  local heal = math.min(math.max(1, pokemon.stats.hp // 16), pokemon.stats.hp - pokemon.currentHp)
  pokemon.currentHp = pokemon.currentHp + heal
  return heal
end

return M
