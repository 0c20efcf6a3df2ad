-- Reported move sets: at most four distinct known moves, each learnable by the species at or
-- below the reported level (a move outside the learnset is a tampered save).
local speciesDatabase = require("data.species.species-database")
local moveDatabase = require("data.moves.move-database")
require("data.constants.game-constants")

local M = {}

local function learnable(species, moveId, level)
  for _, row in ipairs(species.learnset or {}) do
    if row.move == moveId and row.level <= level then return true end
  end
  return false
end

--- Violation texts for one party member's `moves` (ids or {id=...}); empty when fine.
function M.check(pokemon, index)
  local problems = {}
  if type(pokemon) ~= "table" or pokemon.moves == nil then return problems end
  local where = "party[" .. tostring(index or 1) .. "]"
  if type(pokemon.moves) ~= "table" then return { where .. " moves must be a list" } end
  local maxMoves = (GameConstants and GameConstants.MAX_MOVES) or 4
  if #pokemon.moves > maxMoves then
    problems[#problems + 1] = where .. " knows " .. #pokemon.moves .. " moves (max " .. maxMoves .. ")"
  end
  local species = speciesDatabase.get(pokemon.speciesId)
  local seen = {}
  for i, entry in ipairs(pokemon.moves) do
    local id = type(entry) == "table" and entry.id or entry
    local move = moveDatabase.get(id)
    if move == nil then
      problems[#problems + 1] = string.format("%s move %d is unknown (%s)", where, i, tostring(id))
    elseif seen[id] then
      problems[#problems + 1] = string.format("%s knows %s twice", where, move.name)
    elseif species and type(pokemon.level) == "number" and not learnable(species, id, pokemon.level) then
      problems[#problems + 1] = string.format("%s cannot know %s at level %d", where, move.name, pokemon.level)
    end
    seen[id] = true
  end
  return problems
end

return M
