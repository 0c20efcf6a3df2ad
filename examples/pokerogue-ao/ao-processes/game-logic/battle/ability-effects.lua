-- Ability effects in battle; each ability record carries one effect kind (see data.abilities).
local abilities = require("data.abilities.ability-database")

local M = {}

local function effectOf(pokemon)
  local ability = pokemon and pokemon.ability and abilities.get(pokemon.ability)
  return ability and ability.effect or nil
end

M.effectOf = effectOf

--- Multiplier on the attacker's damage from its own ability.
function M.attackerModifier(attacker, move)
  local e = effectOf(attacker)
  if e == nil then return 1 end
  if e.kind == "type_boost_low_hp" and move.type == e.type
    and attacker.currentHp * 100 <= attacker.stats.hp * e.threshold then
    return e.multiplier
  end
  if e.kind == "stat_multiplier" then
    if (e.stat == "attack" and move.category == "physical") or (e.stat == "spAttack" and move.category == "special") then
      return e.multiplier
    end
  end
  return 1
end

--- Multiplier on damage taken, from the defender's ability (filter, type immunity).
function M.defenderModifier(defender, move, effectiveness)
  local e = effectOf(defender)
  if e == nil then return 1 end
  if e.kind == "type_immunity" and move.type == e.type then return 0 end
  if e.kind == "filter" and effectiveness >= 2 then return e.multiplier end
  return 1
end

function M.stabMultiplier(attacker)
  local e = effectOf(attacker)
  if e and e.kind == "stab_boost" then return e.multiplier end
  return 1.5
end

function M.critBonus(pokemon)
  local e = effectOf(pokemon)
  if e and e.kind == "crit_boost" then return e.stages end
  return 0
end

function M.blocksStatus(pokemon, status)
  local e = effectOf(pokemon)
  return e ~= nil and e.kind == "status_immunity" and e.status == status
end

function M.speedMultiplier(pokemon, weather)
  local e = effectOf(pokemon)
  if e and e.kind == "speed_in_weather" and e.weather == weather then return e.multiplier end
  return 1
end

--- Weather the battler summons on entry, or nil.
function M.onEntry(pokemon)
  local e = effectOf(pokemon)
  if e and e.kind == "weather_on_entry" then return { weather = e.weather, turns = e.turns } end
  return nil
end

--- End-of-turn regeneration; returns HP restored.
function M.endOfTurn(pokemon)
  local e = effectOf(pokemon)
  if e == nil or e.kind ~= "regenerate" or pokemon.currentHp <= 0 then return 0 end
  local heal = math.min(math.max(1, pokemon.stats.hp // e.fraction), pokemon.stats.hp - pokemon.currentHp)
  pokemon.currentHp = pokemon.currentHp + heal
  return heal
end

--- Contact abilities: status inflicted on the attacker, or nil.
function M.onContact(attacker, defender, move, rng)
  local e = effectOf(defender)
  if e == nil or e.kind ~= "contact_status" or not move.contact then return nil end
  if rng.chance(e.chance) then return e.status end
  return nil
end

return M
