-- Battles in memory, keyed by id: creation from start data, lookup, listing in id order.
local battleRng = require("game-logic.rng.battle-rng")
local weather = require("game-logic.environment.weather")
local builder = require("battle.components.participant-builder")
local abilityEffects = require("game-logic.battle.ability-effects")
local battleLog = require("battle.components.battle-log")

local M = {}

local battles = {}
local battleCount = 0

function M.reset()
  battles = {}
  battleCount = 0
end

local function copyCounts(counts)
  local out = {}
  for k, v in pairs(counts or {}) do
    if type(k) == "string" and math.type(v) == "integer" and v > 0 then out[k] = v end
  end
  return out
end

--- Builds a battle without storing it (replays use this).
--- start = {battleId, seed, playerParty, opponentParty, wild?, weather?, terrain?, inventory?}
function M.build(start, playerId, createdAt)
  if type(start.battleId) ~= "string" or start.battleId == "" then return nil, "INVALID_BATTLE_ID" end
  local seed = tostring(start.seed or start.battleId)
  local playerParty, err, slot = builder.buildParty(start.playerParty, "player", seed)
  if playerParty == nil then return nil, err, "playerParty", slot end
  local opponentParty, err2, slot2 = builder.buildParty(start.opponentParty, "opponent", seed)
  if opponentParty == nil then return nil, err2, "opponentParty", slot2 end
  local battle = {
    id = start.battleId,
    seed = seed,
    playerId = playerId,
    createdAt = createdAt,
    wild = start.wild == true,
    trainer = type(start.trainer) == "string" and start.trainer or nil,
    status = "active",
    turn = 0,
    rng = battleRng.create(seed),
    weather = weather.new(start.weather or "none", start.weather and 5 or 0),
    terrain = { kind = start.terrain or "none" },
    sides = {
      player = { party = playerParty, active = 1, fleeAttempts = 0 },
      opponent = { party = opponentParty, active = 1, fleeAttempts = 0 },
    },
    inventory = copyCounts(start.inventory),
    log = {},
    commands = {},
    start = start,
  }
  -- Entry abilities of both leads, player first (a fixed order keeps replays identical).
  for _, side in ipairs({ "player", "opponent" }) do
    local lead = battle.sides[side].party[1]
    local w = abilityEffects.onEntry(lead)
    if w then battle.weather = weather.new(w.weather, w.turns) end
  end
  battleLog.append(battle, { kind = "battle_start", battleId = battle.id, weather = battle.weather.kind })
  return battle
end

--- The player gives up: recorded as a command so replays reach the same end state.
function M.forfeit(battle)
  battle.status = "ended"
  battle.winner = "opponent"
  battle.endReason = "forfeit"
  battle.commands[#battle.commands + 1] = { command = "forfeit" }
  battleLog.append(battle, { kind = "battle_end", winner = "opponent", reason = "forfeit" })
end

--- Builds and stores a battle; fails when the id is taken.
function M.create(start, playerId, createdAt)
  if type(start.battleId) == "string" and battles[start.battleId] then return nil, "BATTLE_EXISTS" end
  local battle, err, field, slot = M.build(start, playerId, createdAt)
  if battle == nil then return nil, err, field, slot end
  battles[battle.id] = battle
  battleCount = battleCount + 1
  return battle
end

function M.get(id)
  return battles[id]
end

function M.remove(id)
  local had = battles[id] ~= nil
  battles[id] = nil
  return had
end

function M.active(battle, side)
  local s = battle.sides[side]
  return s.party[s.active]
end

function M.other(side)
  return side == "player" and "opponent" or "player"
end

--- Battle ids in sorted order, optionally only those with a status.
function M.ids(status)
  local out = {}
  for id, b in pairs(battles) do
    if status == nil or b.status == status then out[#out + 1] = id end
  end
  table.sort(out)
  return out
end

function M.count()
  return battleCount
end

return M
