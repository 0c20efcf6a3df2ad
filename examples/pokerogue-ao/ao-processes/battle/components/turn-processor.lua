-- One battle turn: both actions ordered (priority, speed, RNG tie-break), executed in order,
-- then end-of-turn effects (status, weather, terrain, abilities, held items, berries),
-- fainting, automatic replacement and the end of the battle.
local moveDb = require("data.moves.move-database")
local items = require("data.items.item-database")
local turnOrder = require("game-logic.battle.turn-order")
local damageCalculator = require("game-logic.battle.damage-calculator")
local accuracy = require("game-logic.battle.accuracy")
local statusEffects = require("game-logic.battle.status-effects")
local moveEffects = require("game-logic.battle.move-effects")
local abilityEffects = require("game-logic.battle.ability-effects")
local typeEffectiveness = require("game-logic.battle.type-effectiveness")
local weather = require("game-logic.environment.weather")
local terrain = require("game-logic.environment.terrain")
local heldItems = require("game-logic.items.held-items")
local berryActivation = require("game-logic.items.berry-activation")
local capture = require("game-logic.pokemon.capture")
local stateManager = require("battle.components.battle-state-manager")
local builder = require("battle.components.participant-builder")
local aiOpponent = require("battle.components.ai-opponent")
local battleLog = require("battle.components.battle-log")
local battleStatistics = require("battle.components.battle-statistics")
require("data.constants.game-constants")

local M = {}

-- Used when a battler has no PP left: typeless, never misses, costs 1/4 of max HP.
M.STRUGGLE = { id = 0, name = "Struggle", type = "none", category = "physical", power = 50, accuracy = 0,
  pp = 1, priority = 0, critStage = 0, contact = true, effect = { kind = "none" } }

local function speedOf(battle, side)
  local p = stateManager.active(battle, side)
  local speed = statusEffects.effectiveSpeed(p)
  speed = speed * abilityEffects.speedMultiplier(p, battle.weather.kind) * heldItems.statMultiplier(p, "speed")
  return math.floor(speed)
end

local function endBattle(battle, winner, reason, events)
  battle.status = "ended"
  battle.winner = winner
  battle.endReason = reason
  events[#events + 1] = { kind = "battle_end", winner = winner, reason = reason }
end

local function berryCheck(pokemon, events)
  local e = berryActivation.check(pokemon)
  if e then
    e.target = pokemon.uid
    e.kind = "berry_" .. e.kind
    events[#events + 1] = e
  end
end

local function executeSwitch(battle, action, events)
  local s = battle.sides[action.side]
  builder.onSwitchOut(s.party[s.active])
  s.active = action.switchTo
  local incoming = s.party[s.active]
  events[#events + 1] = { kind = "switch", side = action.side, to = action.switchTo, uid = incoming.uid }
  local w = abilityEffects.onEntry(incoming)
  if w then
    battle.weather = weather.new(w.weather, w.turns)
    events[#events + 1] = { kind = "weather", weather = w.weather, source = incoming.uid }
  end
end

local function executeItem(battle, action, events)
  local item = items.get(action.itemId)
  battle.inventory[item.id] = battle.inventory[item.id] - 1
  if battle.inventory[item.id] <= 0 then battle.inventory[item.id] = nil end
  if item.kind == "ball" then
    local target = stateManager.active(battle, stateManager.other(action.side))
    local bonus = capture.ballBonus(item.id, target)
    local result = capture.attempt(target, bonus, battle.rng)
    events[#events + 1] = { kind = "capture", ball = item.id, target = target.uid, shakes = result.shakes, caught = result.caught }
    if result.caught then
      battle.captured = target.uid
      endBattle(battle, action.side, "captured", events)
    end
    return
  end
  local target = battle.sides[action.side].party[action.targetSlot]
  local event = { kind = "item", item = item.id, target = target.uid }
  if item.revivePercent then
    if target.currentHp <= 0 then
      target.currentHp = math.max(1, target.stats.hp * item.revivePercent // 100)
      target.faintLogged = nil
      event.revived = true
      event.healed = target.currentHp
    end
  elseif target.currentHp > 0 then
    local heal = item.heal or (item.healPercent and target.stats.hp * item.healPercent // 100) or 0
    heal = math.min(heal, target.stats.hp - target.currentHp)
    target.currentHp = target.currentHp + heal
    event.healed = heal
    if item.cures and target.status ~= "none" and (item.cures == "all" or item.cures == target.status) then
      event.cured = statusEffects.cure(target)
    end
  end
  events[#events + 1] = event
end

local function executeFlee(battle, action, events)
  local s = battle.sides[action.side]
  s.fleeAttempts = s.fleeAttempts + 1
  local mine = speedOf(battle, action.side)
  local theirs = math.max(1, speedOf(battle, stateManager.other(action.side)))
  local odds = (mine * GameConstants.FLEE_BASE // theirs + 30 * s.fleeAttempts) % 256
  if mine >= theirs or battle.rng.random(0, 255) < odds then
    events[#events + 1] = { kind = "fled", side = action.side }
    endBattle(battle, "none", "fled", events)
  else
    events[#events + 1] = { kind = "flee_failed", side = action.side }
  end
end

local function applyHit(battle, attacker, defender, move, events)
  local context = { weather = battle.weather.kind, terrain = battle.terrain.kind }
  local r = damageCalculator.calculate(attacker, defender, move, battle.rng, context)
  if r.effectiveness == 0 then
    events[#events + 1] = { kind = "immune", target = defender.uid, move = move.id }
    return 0
  end
  local damage = math.min(r.damage, defender.currentHp)
  local survived
  damage, survived = heldItems.adjustLethalDamage(defender, damage)
  defender.currentHp = defender.currentHp - damage
  events[#events + 1] = { kind = "damage", source = attacker.uid, target = defender.uid, move = move.id,
    damage = damage, critical = r.critical, effectiveness = typeEffectiveness.describe(r.effectiveness),
    stab = r.stab, roll = r.roll, resistBerry = r.berry, survivedWithSash = survived or nil }
  local contactStatus = abilityEffects.onContact(attacker, defender, move, battle.rng)
  if contactStatus and statusEffects.apply(attacker, contactStatus, battle.rng) then
    events[#events + 1] = { kind = "status", target = attacker.uid, status = contactStatus, by = "ability" }
  end
  local recoil = heldItems.afterHit(attacker, damage)
  if recoil > 0 then events[#events + 1] = { kind = "item_recoil", target = attacker.uid, damage = recoil } end
  return damage
end

local function executeMove(battle, action, events)
  local attacker = stateManager.active(battle, action.side)
  local defender = stateManager.active(battle, stateManager.other(action.side))
  if attacker.flinched then
    events[#events + 1] = { kind = "flinched", target = attacker.uid }
    return
  end
  local canAct, reason = statusEffects.canAct(attacker, battle.rng)
  if reason then events[#events + 1] = { kind = "status_check", target = attacker.uid, result = reason } end
  if not canAct then return end
  local move
  if action.struggle then
    move = M.STRUGGLE
  else
    local slot = attacker.moves[action.moveIndex]
    slot.pp = slot.pp - 1
    move = moveDb.get(slot.id)
  end
  events[#events + 1] = { kind = "move", source = attacker.uid, move = move.id, name = move.name }
  if move.category ~= "status" and defender.currentHp <= 0 then return end
  if not accuracy.hits(move, attacker, defender, battle.rng) then
    events[#events + 1] = { kind = "miss", source = attacker.uid, move = move.id }
    return
  end
  local total = 0
  if move.category ~= "status" then
    local hits = moveEffects.hitCount(move, battle.rng)
    for _ = 1, hits do
      if defender.currentHp <= 0 or attacker.currentHp <= 0 then break end
      total = total + applyHit(battle, attacker, defender, move, events)
    end
    if hits > 1 then events[#events + 1] = { kind = "multi_hit", hits = hits } end
  end
  local context = { statusBlocked = function(target) return terrain.blocksStatus(battle.terrain, target) end }
  for _, e in ipairs(moveEffects.applySecondary(move, attacker, defender, total, battle.rng, context)) do
    events[#events + 1] = e
  end
  if action.struggle and attacker.currentHp > 0 then
    local loss = math.min(math.max(1, attacker.stats.hp // 4), attacker.currentHp)
    attacker.currentHp = attacker.currentHp - loss
    events[#events + 1] = { kind = "recoil", target = attacker.uid, damage = loss, struggle = true }
  end
  berryCheck(defender, events)
  berryCheck(attacker, events)
end

--- Replaces a fainted active battler with the first healthy member; ends the battle if none.
local function handleFaints(battle, events)
  for _, side in ipairs({ "player", "opponent" }) do
    local s = battle.sides[side]
    local active = s.party[s.active]
    if active.currentHp <= 0 and not active.faintLogged then
      active.faintLogged = true
      events[#events + 1] = { kind = "faint", target = active.uid }
    end
  end
  for _, side in ipairs({ "player", "opponent" }) do
    local s = battle.sides[side]
    if s.party[s.active].currentHp <= 0 and battle.status == "active" then
      local replacement = nil
      for i, p in ipairs(s.party) do
        if p.currentHp > 0 then replacement = i break end
      end
      if replacement == nil then
        endBattle(battle, stateManager.other(side), "all_fainted", events)
      else
        executeSwitch(battle, { side = side, switchTo = replacement }, events)
      end
    end
  end
end

local function endOfTurn(battle, events)
  for _, side in ipairs({ "player", "opponent" }) do
    local p = stateManager.active(battle, side)
    if p.currentHp > 0 then
      local lost = statusEffects.endOfTurn(p)
      if lost > 0 then events[#events + 1] = { kind = "status_damage", target = p.uid, status = p.status, damage = lost } end
      lost = weather.endOfTurn(battle.weather, p)
      if lost > 0 then events[#events + 1] = { kind = "weather_damage", target = p.uid, weather = battle.weather.kind, damage = lost } end
      local healed = terrain.endOfTurn(battle.terrain, p) + abilityEffects.endOfTurn(p) + heldItems.endOfTurn(p)
      if healed > 0 then events[#events + 1] = { kind = "end_turn_heal", target = p.uid, healed = healed } end
      berryCheck(p, events)
    end
    p.flinched = false
  end
  if weather.tick(battle.weather) then events[#events + 1] = { kind = "weather_end" } end
end

--- Runs one turn with the player's validated action; returns the events of the turn.
function M.processTurn(battle, playerAction)
  battle.turn = battle.turn + 1
  local events = {}
  local actions = { playerAction, aiOpponent.chooseAction(battle, "opponent") }
  for _, a in ipairs(actions) do
    a.speed = speedOf(battle, a.side)
    a.uid = stateManager.active(battle, a.side).uid -- a move belongs to the battler that chose it
  end
  for _, action in ipairs(turnOrder.sortActions(actions, battle.rng)) do
    if battle.status ~= "active" then break end
    local actor = stateManager.active(battle, action.side)
    if action.kind == "switch" then
      executeSwitch(battle, action, events)
    elseif action.kind == "item" then
      executeItem(battle, action, events)
    elseif action.kind == "flee" then
      executeFlee(battle, action, events)
    elseif action.kind == "move" and actor.currentHp > 0 and actor.uid == action.uid then
      executeMove(battle, action, events)
    end
    handleFaints(battle, events)
  end
  if battle.status == "active" then
    endOfTurn(battle, events)
    handleFaints(battle, events)
  end
  if battle.status == "active" and battle.turn >= GameConstants.MAX_TURNS then
    endBattle(battle, "none", "turn_limit", events)
  end
  battleLog.appendAll(battle, events)
  battleStatistics.record(battle, events)
  return events
end

return M
