-- Berries activate once, when their trigger holds: HP at or below a threshold, a status,
-- or an incoming super-effective hit of their type. An activated berry is consumed.
local berries = require("data.items.berry-database")
local stages = require("game-logic.stats.stat-stages")

local M = {}

local function heldBerry(pokemon)
  return pokemon and pokemon.heldItem and berries.get(pokemon.heldItem) or nil
end

M.heldBerry = heldBerry

function M.isBelowThreshold(pokemon, threshold)
  return pokemon.currentHp > 0 and pokemon.currentHp * 100 <= pokemon.stats.hp * threshold
end

--- Checks HP and status berries after damage or at end of turn; returns an event or nil.
function M.check(pokemon)
  local berry = heldBerry(pokemon)
  if berry == nil or pokemon.currentHp <= 0 then return nil end
  local effect = berry.effect
  if berry.trigger == "hp_below" and M.isBelowThreshold(pokemon, berry.threshold) then
    local event = { berry = berry.id, kind = effect.kind }
    if effect.kind == "heal" or effect.kind == "heal_percent" then
      local amount = effect.amount or (pokemon.stats.hp * effect.percent // 100)
      amount = math.min(amount, pokemon.stats.hp - pokemon.currentHp)
      pokemon.currentHp = pokemon.currentHp + amount
      event.healed = amount
    elseif effect.kind == "stat_boost" then
      pokemon.stages = pokemon.stages or stages.newStages()
      event.stat = effect.stat
      event.stages = stages.change(pokemon.stages, effect.stat, effect.stages)
    end
    pokemon.heldItem = nil
    return event
  end
  if berry.trigger == "status" and pokemon.status and pokemon.status ~= "none"
    and (berry.status == "any" or berry.status == pokemon.status) then
    local cured = pokemon.status
    pokemon.status = "none"
    pokemon.statusTurns = 0
    pokemon.heldItem = nil
    return { berry = berry.id, kind = "cure", cured = cured }
  end
  return nil
end

--- Resist berries halve one super-effective hit of their type; returns multiplier, berry id.
function M.resistMultiplier(pokemon, moveType, effectiveness)
  local berry = heldBerry(pokemon)
  if berry == nil or berry.trigger ~= "super_effective" or effectiveness < 2 or berry.type ~= moveType then
    return 1, nil
  end
  pokemon.heldItem = nil
  return 0.5, berry.id
end

return M
