-- BATTLE_END: closes a battle (a forfeit when still active), computes rewards and tells the
-- pokemon process (experience) and the coordinator (result), each with a correlation id.
local codec = require("game-logic.utils.json-codec")
local correlator = require("game-logic.process-coordination.message-correlator")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local stateManager = require("battle.components.battle-state-manager")
local serializer = require("battle.components.battle-serializer")
local peerDirectory = require("battle.components.peer-directory")
local battleStatistics = require("battle.components.battle-statistics")
local rewardCalculator = require("battle.components.reward-calculator")

local M = {}

-- Local helpers (kept here so this handler has no extra dependencies).
local function deepCopy(value, seen)
  if type(value) ~= "table" then return value end
  seen = seen or {}
  if seen[value] then return seen[value] end
  local copy = {}
  seen[value] = copy
  for k, v in pairs(value) do
    copy[deepCopy(k, seen)] = deepCopy(v, seen)
  end
  return copy
end

local function mergeTables(base, extra)
  local out = {}
  for k, v in pairs(base or {}) do out[k] = v end
  for k, v in pairs(extra or {}) do out[k] = v end
  return out
end

local function errorReply(msg, code, text)
  msg.reply({
    Action = (msg.Tags and msg.Tags.Action or "Unknown") .. "-Error",
    Data = codec.encode({ error = true, code = code, message = text or code }),
  })
end

local function notify(role, action, payload, msg)
  local target = peerDirectory.get(role)
  if target == nil then return nil end
  local id = correlator.generateId("battle-end")
  correlator.track(id, { target = target, action = action, timestamp = msg.Timestamp })
  ao.send({ Target = target, Action = action, ["Correlation-Id"] = id, Data = codec.encode(payload) })
  return { role = role, correlationId = id }
end

function M.handle(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return errorReply(msg, "INVALID_JSON", err) end
  local battle = type(data.battleId) == "string" and stateManager.get(data.battleId) or nil
  if battle == nil then return errorReply(msg, "BATTLE_NOT_FOUND", "unknown battleId") end
  if msg.From ~= battle.playerId and not authenticator.isAuthorized(msg, "coordinator") then
    return errorReply(msg, "UNAUTHORIZED", "only the battle's player may end it")
  end
  if battle.rewardsClaimed then return errorReply(msg, "ALREADY_ENDED", "battle already closed") end
  if battle.status == "active" then
    stateManager.forfeit(battle)
  end
  battle.rewardsClaimed = true
  local rewards = rewardCalculator.compute(battle)
  local summary = mergeTables(serializer.summary(battle), { reason = battle.endReason, captured = battle.captured or "none",
    mostValuable = battleStatistics.mostValuable(battle, "player") })
  local notified = {}
  local expNote = #rewards.experience > 0 and notify("pokemon", "GAIN_EXPERIENCE",
    { playerId = battle.playerId, battleId = battle.id, rewards = deepCopy(rewards.experience) }, msg)
  if expNote then notified[#notified + 1] = expNote end
  local resultNote = notify("coordinator", "BATTLE_RESULT", mergeTables(summary, { playerId = battle.playerId, money = rewards.money }), msg)
  if resultNote then notified[#notified + 1] = resultNote end
  msg.reply({
    Action = "BATTLE_END-Response",
    Data = codec.encode({ ok = true, data = { summary = summary, rewards = rewards, notified = notified, digest = serializer.digest(battle),
      statistics = battleStatistics.report(battle) } }),
  })
  return summary
end

return M
