-- Public views of battles for replies: arrays in party order, no functions, no RNG state,
-- and a digest that replays compare.
local codec = require("game-logic.utils.json-codec")
local battleRng = require("game-logic.rng.battle-rng")
local battleLog = require("battle.components.battle-log")

local M = {}

function M.battler(p)
  local moves = {}
  for i, m in ipairs(p.moves) do moves[i] = { id = m.id, pp = m.pp, maxPp = m.maxPp } end
  return {
    uid = p.uid,
    speciesId = p.speciesId,
    name = p.name,
    level = p.level,
    types = p.types,
    currentHp = p.currentHp,
    maxHp = p.stats.hp,
    status = p.status,
    ability = p.ability,
    heldItem = p.heldItem or "none",
    stats = p.stats,
    stages = p.stages,
    moves = moves,
  }
end

local function side(s)
  local party = {}
  for i, p in ipairs(s.party) do party[i] = M.battler(p) end
  return { active = s.active, party = party }
end

function M.publicState(battle)
  return {
    battleId = battle.id,
    status = battle.status,
    winner = battle.winner or "none",
    turn = battle.turn,
    wild = battle.wild,
    trainer = battle.trainer or "none",
    weather = battle.weather.kind,
    terrain = battle.terrain.kind,
    player = side(battle.sides.player),
    opponent = side(battle.sides.opponent),
  }
end

--- Short summary for lists and coordination replies.
function M.summary(battle)
  return { battleId = battle.id, status = battle.status, turn = battle.turn, winner = battle.winner or "none" }
end

--- A stable digest of the public state plus the full log (hash of sorted-key JSON).
function M.digest(battle)
  local text = codec.encode({ state = M.publicState(battle), log = battleLog.recent(battle, #battle.log) })
  return string.format("%016x", battleRng.hashSeed(text))
end

return M
