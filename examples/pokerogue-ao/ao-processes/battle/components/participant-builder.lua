-- Builds battlers from party specs: a creature record (game-logic.pokemon.pokemon-factory)
-- plus the battle-only fields (stat stages, flinch, side and slot ids).
local factory = require("game-logic.pokemon.pokemon-factory")
local stages = require("game-logic.stats.stat-stages")
require("data.constants.game-constants")

local M = {}

--- spec = {speciesId, level, seed?, nature?, ability?, heldItem?, moves?, currentHp?, status?}
function M.build(spec, side, slot, battleSeed)
  if type(spec) ~= "table" then return nil, "INVALID_PARTY_MEMBER" end
  local seed = spec.seed or (tostring(battleSeed) .. ":" .. side .. ":" .. slot)
  local pokemon, err = factory.create(tonumber(spec.speciesId), tonumber(spec.level) or 5, {
    seed = seed,
    nature = spec.nature,
    ability = spec.ability,
    heldItem = spec.heldItem,
    moves = spec.moves,
  })
  if pokemon == nil then return nil, err end
  pokemon.uid = side .. "-" .. slot
  pokemon.side = side
  pokemon.stages = stages.newStages()
  pokemon.flinched = false
  if math.type(spec.currentHp) == "integer" and spec.currentHp >= 0 then
    pokemon.currentHp = math.min(spec.currentHp, pokemon.stats.hp)
  end
  if type(spec.status) == "string" and spec.status ~= "none" then
    pokemon.status = spec.status
    pokemon.statusTurns = spec.status == "sleep" and 2 or 0
  end
  return pokemon
end

--- Builds a whole party (1..6 specs); returns the list or nil, error code, slot.
function M.buildParty(specs, side, battleSeed)
  if type(specs) ~= "table" or #specs == 0 then return nil, "EMPTY_PARTY" end
  if #specs > GameConstants.MAX_PARTY_SIZE then return nil, "PARTY_TOO_LARGE" end
  local party = {}
  for i, spec in ipairs(specs) do
    local p, err = M.build(spec, side, i, battleSeed)
    if p == nil then return nil, err, i end
    party[i] = p
  end
  return party
end

--- Resets stages and volatile flags when a battler leaves the field.
function M.onSwitchOut(pokemon)
  pokemon.stages = stages.newStages()
  pokemon.flinched = false
end

return M
