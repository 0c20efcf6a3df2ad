-- BATTLE_HISTORY: the log of a range of turns with an HP timeline per battler (HP after each
-- turn, rebuilt from damage and healing events), paged so replies stay small.
local codec = require("game-logic.utils.json-codec")
local response = require("game-logic.utils.response")
local stateManager = require("battle.components.battle-state-manager")
local battleLog = require("battle.components.battle-log")

local M = {}

M.MAX_TURNS_PER_PAGE = 10

local HP_LOSS = { damage = true, recoil = true, item_recoil = true, status_damage = true, weather_damage = true }

--- HP of every battler after each turn in [fromTurn, toTurn], replaying the log from full HP.
local function timeline(battle, fromTurn, toTurn)
  local hp, uids = {}, {}
  for _, side in ipairs({ "player", "opponent" }) do
    for _, p in ipairs(battle.sides[side].party) do
      hp[p.uid] = p.stats.hp
      uids[#uids + 1] = p.uid
    end
  end
  local rows = {}
  local turn = 0
  local function snapshot(t)
    if t >= fromTurn and t <= toTurn then
      local row = { turn = t, hp = {} }
      for _, uid in ipairs(uids) do row.hp[#row.hp + 1] = { uid = uid, hp = math.max(0, hp[uid]) } end
      rows[#rows + 1] = row
    end
  end
  for _, e in ipairs(battle.log) do
    if e.turn ~= turn then
      snapshot(turn)
      turn = e.turn
    end
    if HP_LOSS[e.kind] and e.target and hp[e.target] then hp[e.target] = hp[e.target] - (e.damage or 0) end
    if e.healed and e.target and hp[e.target] then hp[e.target] = hp[e.target] + e.healed end
  end
  snapshot(turn)
  return rows
end

function M.handle(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  local battle = type(data.battleId) == "string" and stateManager.get(data.battleId) or nil
  if battle == nil then return response.error(msg, "BATTLE_NOT_FOUND", "unknown battleId") end
  local fromTurn = math.tointeger(data.fromTurn) or 1
  local toTurn = math.tointeger(data.toTurn) or battle.turn
  if fromTurn < 0 or toTurn < fromTurn then return response.error(msg, "INVALID_RANGE", "need 0 <= fromTurn <= toTurn") end
  toTurn = math.min(toTurn, fromTurn + M.MAX_TURNS_PER_PAGE - 1, battle.turn)
  local events = {}
  for t = fromTurn, toTurn do
    for _, e in ipairs(battleLog.forTurn(battle, t)) do events[#events + 1] = e end
  end
  return response.ok(msg, {
    battleId = battle.id,
    fromTurn = fromTurn,
    toTurn = toTurn,
    lastTurn = battle.turn,
    hasMore = toTurn < battle.turn,
    events = events,
    timeline = timeline(battle, fromTurn, toTurn),
  })
end

return M
