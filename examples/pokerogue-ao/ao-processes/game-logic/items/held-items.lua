-- Held items in battle: type boosts, stat multipliers, crit lenses, end-of-turn healing,
-- focus sash and the recoil of damage-boosting orbs.
local items = require("data.items.item-database")

local M = {}

local function effectOf(pokemon)
  local item = pokemon and pokemon.heldItem and items.get(pokemon.heldItem)
  if item == nil or item.kind ~= "held" then return nil end
  return item.effect
end

M.effectOf = effectOf

function M.damageMultiplier(pokemon, move)
  local e = effectOf(pokemon)
  if e == nil then return 1 end
  if e.kind == "type_boost" and e.type == move.type then return e.multiplier end
  if e.kind == "damage_boost_recoil" then return e.multiplier end
  return 1
end

function M.statMultiplier(pokemon, stat)
  local e = effectOf(pokemon)
  if e and e.kind == "stat_multiplier" and e.stat == stat then return e.multiplier end
  return 1
end

function M.critBonus(pokemon)
  local e = effectOf(pokemon)
  if e and e.kind == "crit_boost" then return e.stages end
  return 0
end

--- Focus sash: a hit that would knock out a battler at full HP leaves it at 1 HP (once).
function M.adjustLethalDamage(pokemon, damage)
  local e = effectOf(pokemon)
  if e and e.kind == "survive_ko" and pokemon.currentHp == pokemon.stats.hp and damage >= pokemon.currentHp then
    pokemon.heldItem = nil
    return pokemon.currentHp - 1, true
  end
  return damage, false
end

--- HP the attacker loses after hitting with a recoil orb.
function M.afterHit(pokemon, damageDealt)
  local e = effectOf(pokemon)
  if e == nil or e.kind ~= "damage_boost_recoil" or damageDealt <= 0 then return 0 end
  local loss = math.min(math.max(1, pokemon.stats.hp // e.recoilFraction), pokemon.currentHp)
  pokemon.currentHp = pokemon.currentHp - loss
  return loss
end

function M.endOfTurn(pokemon)
  local e = effectOf(pokemon)
  if e == nil or e.kind ~= "end_turn_heal" or pokemon.currentHp <= 0 then return 0 end
  local heal = math.min(math.max(1, pokemon.stats.hp // e.fraction), pokemon.stats.hp - pokemon.currentHp)
  pokemon.currentHp = pokemon.currentHp + heal
  return heal
end

return M
