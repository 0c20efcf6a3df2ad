-- Learning moves: only moves in the species' learnset at or below the current level,
-- no duplicates, at most four (a full set needs a slot to replace).
local speciesDb = require("data.species.species-database")
local moveDb = require("data.moves.move-database")
require("data.constants.game-constants")

local M = {}

function M.movesAtLevel(species, level)
  local out = {}
  for _, row in ipairs(species.learnset) do
    if row.level == level then out[#out + 1] = row.move end
  end
  return out
end

function M.canLearn(pokemon, moveId)
  local species = speciesDb.get(pokemon.speciesId)
  if species == nil then return false, "UNKNOWN_SPECIES" end
  if moveDb.get(moveId) == nil then return false, "UNKNOWN_MOVE" end
  for _, m in ipairs(pokemon.moves) do
    if m.id == moveId then return false, "ALREADY_KNOWN" end
  end
  for _, row in ipairs(species.learnset) do
    if row.move == moveId and row.level <= pokemon.level then return true end
  end
  return false, "NOT_IN_LEARNSET"
end

--- Learns moveId, replacing slot replaceIndex when four moves are known.
function M.learn(pokemon, moveId, replaceIndex)
  local ok, err = M.canLearn(pokemon, moveId)
  if not ok then return false, err end
  local move = moveDb.get(moveId)
  local entry = { id = move.id, pp = move.pp, maxPp = move.pp }
  if #pokemon.moves < GameConstants.MAX_MOVES then
    pokemon.moves[#pokemon.moves + 1] = entry
    return true, #pokemon.moves
  end
  if math.type(replaceIndex) ~= "integer" or replaceIndex < 1 or replaceIndex > #pokemon.moves then
    return false, "MOVES_FULL"
  end
  pokemon.moves[replaceIndex] = entry
  return true, replaceIndex
end

return M
