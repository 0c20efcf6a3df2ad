-- Secondary effects of moves (data.moves effect records): status, flinch, stat changes,
-- recoil, drain, healing and multi-hit counts.
local statusEffects = require("game-logic.battle.status-effects")
local abilityEffects = require("game-logic.battle.ability-effects")
local stages = require("game-logic.stats.stat-stages")

local M = {}

--- Number of hits for multi-hit moves: 2-5 with the classic 35/35/15/15 split.
function M.hitCount(move, rng)
  local e = move.effect
  if e == nil or e.kind ~= "multi_hit" then return 1 end
  local r = rng.random(1, 100)
  if r <= 35 then return 2 end
  if r <= 70 then return 3 end
  if r <= 85 then return 4 end
  return 5
end

--- Applies the effect after the move; returns a list of event tables for the battle log.
function M.applySecondary(move, attacker, defender, damage, rng, context)
  local e = move.effect
  local events = {}
  if e == nil or e.kind == "none" or e.kind == "multi_hit" then return events end
  context = context or {}

  if e.kind == "status" then
    if defender.currentHp > 0 and rng.chance(e.chance) then
      if abilityEffects.blocksStatus(defender, e.status) then
        events[#events + 1] = { kind = "status_blocked", target = defender.uid, status = e.status, by = "ability" }
      elseif context.statusBlocked and context.statusBlocked(defender) then
        events[#events + 1] = { kind = "status_blocked", target = defender.uid, status = e.status, by = "terrain" }
      else
        local ok = statusEffects.apply(defender, e.status, rng)
        if ok then events[#events + 1] = { kind = "status", target = defender.uid, status = e.status } end
      end
    end
  elseif e.kind == "flinch" then
    if defender.currentHp > 0 and rng.chance(e.chance) then
      defender.flinched = true
      events[#events + 1] = { kind = "flinch", target = defender.uid }
    end
  elseif e.kind == "stat_drop" then
    local target = e.self and attacker or defender
    if target.currentHp > 0 and rng.chance(e.chance) then
      local applied = stages.change(target.stages, e.stat, -e.stages)
      events[#events + 1] = { kind = "stat_change", target = target.uid, stat = e.stat, stages = applied }
    end
  elseif e.kind == "stat_raise" then
    if rng.chance(e.chance) then
      local applied = stages.change(attacker.stages, e.stat, e.stages)
      events[#events + 1] = { kind = "stat_change", target = attacker.uid, stat = e.stat, stages = applied }
    end
  elseif e.kind == "recoil" and damage > 0 then
    local loss = math.min(math.max(1, damage // e.fraction), attacker.currentHp)
    attacker.currentHp = attacker.currentHp - loss
    events[#events + 1] = { kind = "recoil", target = attacker.uid, damage = loss }
  elseif e.kind == "drain" and damage > 0 then
    local heal = math.min(math.max(1, damage // e.fraction), attacker.stats.hp - attacker.currentHp)
    attacker.currentHp = attacker.currentHp + heal
    events[#events + 1] = { kind = "drain", target = attacker.uid, healed = heal }
  elseif e.kind == "heal" then
    local heal = math.min(attacker.stats.hp * e.percent // 100, attacker.stats.hp - attacker.currentHp)
    attacker.currentHp = attacker.currentHp + heal
    events[#events + 1] = { kind = "heal", target = attacker.uid, healed = heal }
  end
  return events
end

return M
