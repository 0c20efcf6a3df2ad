-- Evolution by level (at or above the species' evolution level) or by a specific stone.
local speciesDb = require("data.species.species-database")
local factory = require("game-logic.pokemon.pokemon-factory")

local M = {}

--- trigger = {kind="level"} or {kind="item", item="fire-stone"}; returns ok, into-id or error code.
function M.canEvolve(pokemon, trigger)
  local species = speciesDb.get(pokemon.speciesId)
  if species == nil then return false, "UNKNOWN_SPECIES" end
  local evo = species.evolution
  if evo == nil then return false, "NO_EVOLUTION" end
  trigger = trigger or { kind = "level" }
  if evo.kind == "level" then
    if trigger.kind ~= "level" then return false, "WRONG_TRIGGER" end
    if pokemon.level < evo.level then return false, "LEVEL_TOO_LOW" end
    return true, evo.into
  end
  if evo.kind == "item" then
    if trigger.kind ~= "item" or trigger.item ~= evo.item then return false, "WRONG_ITEM" end
    return true, evo.into
  end
  return false, "NO_EVOLUTION"
end

--- The evolved form's ability in the same slot (first, second or hidden).
function M.mapAbility(ability, fromSpecies, toSpecies)
  if ability == fromSpecies.hiddenAbility then return toSpecies.hiddenAbility end
  for i, a in ipairs(fromSpecies.abilities) do
    if a == ability then return toSpecies.abilities[i] or toSpecies.abilities[1] end
  end
  return toSpecies.abilities[1]
end

--- Evolves in place; returns the previous and new species ids.
function M.evolve(pokemon, trigger)
  local ok, into = M.canEvolve(pokemon, trigger)
  if not ok then return nil, into end
  local from = pokemon.speciesId
  pokemon.ability = M.mapAbility(pokemon.ability, speciesDb.get(from), speciesDb.get(into))
  pokemon.speciesId = into
  factory.recalculate(pokemon)
  return { from = from, to = into, name = pokemon.name }
end

return M
