-- Status conditions in battle: infliction rules, whether a battler can act, end-of-turn damage.
local definitions = require("data.constants.status-definitions")
local stages = require("game-logic.stats.stat-stages")

local M = {}

local function isNone(status)
  return status == nil or status == "none"
end

--- Tries to inflict `status`; returns true or false plus a reason.
function M.apply(pokemon, status, rng)
  if definitions.get(status) == nil then return false, "unknown_status" end
  if pokemon.currentHp <= 0 then return false, "fainted" end
  if not isNone(pokemon.status) then return false, "already_has_status" end
  if definitions.isImmune(status, pokemon.types) then return false, "type_immune" end
  pokemon.status = status
  pokemon.statusTurns = 0
  if status == "sleep" then
    local def = definitions.get("sleep")
    pokemon.statusTurns = rng.random(def.minTurns, def.maxTurns)
  end
  return true
end

function M.cure(pokemon)
  local had = pokemon.status
  pokemon.status = "none"
  pokemon.statusTurns = 0
  return had
end

--- Whether the battler acts this turn; may wake or thaw it. Returns ok, reason.
function M.canAct(pokemon, rng)
  local status = pokemon.status
  if status == "sleep" then
    pokemon.statusTurns = (pokemon.statusTurns or 1) - 1
    if pokemon.statusTurns <= 0 then
      M.cure(pokemon)
      return true, "woke_up"
    end
    return false, "asleep"
  elseif status == "freeze" then
    if rng.chance(definitions.get("freeze").thawChance) then
      M.cure(pokemon)
      return true, "thawed"
    end
    return false, "frozen"
  elseif status == "paralysis" then
    if rng.chance(definitions.get("paralysis").skipChance) then
      return false, "fully_paralyzed"
    end
  end
  return true, nil
end

--- End-of-turn damage from burn/poison; returns the HP lost.
function M.endOfTurn(pokemon)
  local def = definitions.get(pokemon.status)
  if def == nil or def.endOfTurnFraction == nil or pokemon.currentHp <= 0 then return 0 end
  local loss = math.max(1, pokemon.stats.hp // def.endOfTurnFraction)
  loss = math.min(loss, pokemon.currentHp)
  pokemon.currentHp = pokemon.currentHp - loss
  return loss
end

--- Speed after stages and paralysis.
function M.effectiveSpeed(pokemon)
  local speed = pokemon.stats.speed * stages.multiplier(pokemon.stages and pokemon.stages.speed or 0)
  local def = definitions.get(pokemon.status)
  if def and def.speedModifier then speed = speed * def.speedModifier end
  return math.floor(speed)
end

--- Burn halves physical damage.
function M.attackModifier(pokemon, move)
  local def = definitions.get(pokemon.status)
  if def and def.physicalModifier and move.category == "physical" then return def.physicalModifier end
  return 1
end

return M
