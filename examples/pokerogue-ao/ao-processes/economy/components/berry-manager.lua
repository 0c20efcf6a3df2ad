-- Berry triggers outside the battle engine: HP thresholds and status cures for BERRY_ACTIVATE.
local berryDatabase = require("data.items.berry-database")

local M = {}

local activations = 0

--- Does the berry trigger for this Pokemon state? Returns true or false and the reason.
function M.triggers(berry, pokemon)
  if berry.trigger == "hp_below" then
    if pokemon.hp <= 0 then return false, "fainted Pokemon do not eat berries" end
    local percent = (pokemon.hp * 100) // pokemon.maxHp
    if percent <= berry.threshold then
      return true
    end
    return false, string.format("HP %d%% is above the %d%% threshold", percent, berry.threshold)
  elseif berry.trigger == "status" then
    local status = pokemon.status or "none"
    if status ~= "none" and (berry.status == "any" or berry.status == status) then return true end
    return false, "status " .. status .. " is not cured by " .. berry.id
  elseif berry.trigger == "super_effective" then
    return false, "activates only when hit in battle"
  end
  return false, "unknown trigger"
end

--- Applies the effect to a copy of pokemon; returns new state and what happened.
function M.activate(berryId, pokemon)
  local berry = berryDatabase.get(berryId)
  if not berry then return nil, "NOT_FOUND", "no berry " .. tostring(berryId) end
  if type(pokemon) ~= "table" or type(pokemon.hp) ~= "number" or type(pokemon.maxHp) ~= "number" or pokemon.maxHp <= 0 then
    return nil, "INVALID_VALUE", "pokemon with hp and maxHp required"
  end
  local fires, why = M.triggers(berry, pokemon)
  local p = {}
  for k, v in pairs(pokemon) do p[k] = v end
  if not fires then return p, nil, why, false end
  local effect = berry.effect
  local result = { berry = berry.id, effect = effect.kind }
  if effect.kind == "heal" then
    local before = p.hp
    p.hp = math.min(p.maxHp, p.hp + effect.amount)
    result.healed = p.hp - before
  elseif effect.kind == "heal_percent" then
    local before = p.hp
    p.hp = math.min(p.maxHp, p.hp + (p.maxHp * effect.percent) // 100)
    result.healed = p.hp - before
  elseif effect.kind == "cure" then
    result.cured = p.status
    p.status = "none"
  elseif effect.kind == "stat_boost" then
    p.stages = {}
    for k, v in pairs(pokemon.stages or {}) do p.stages[k] = v end
    p.stages[effect.stat] = math.min(6, (p.stages[effect.stat] or 0) + effect.stages)
    result.stat = effect.stat
  end
  activations = activations + 1
  return p, nil, result, true
end

function M.activations()
  return activations
end

return M
