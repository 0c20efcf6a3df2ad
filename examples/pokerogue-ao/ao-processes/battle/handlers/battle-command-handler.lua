-- BATTLE_COMMAND: one player command (move, switch, item, flee) runs one full turn.
local codec = require("game-logic.utils.json-codec")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local stateManager = require("battle.components.battle-state-manager")
local validator = require("battle.components.action-validator")
local turnProcessor = require("battle.components.turn-processor")
local serializer = require("battle.components.battle-serializer")

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

function M.handle(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return errorReply(msg, "INVALID_JSON", err) end
  local battle = type(data.battleId) == "string" and stateManager.get(data.battleId) or nil
  if battle == nil then return errorReply(msg, "BATTLE_NOT_FOUND", "unknown battleId") end
  if msg.From ~= battle.playerId and not authenticator.isAuthorized(msg, "coordinator") then
    return errorReply(msg, "UNAUTHORIZED", "only the battle's player may command it")
  end
  local command = mergeTables({ command = msg.Tags and msg.Tags.Command }, deepCopy(data))
  local action, code, text = validator.validate(battle, "player", command)
  if action == nil then return errorReply(msg, code, text) end
  command.battleId = nil
  battle.commands[#battle.commands + 1] = command
  local events = turnProcessor.processTurn(battle, action)
  msg.reply({
    Action = "BATTLE_COMMAND-Response",
    Data = codec.encode({ ok = true, data = { turn = battle.turn, events = events, state = serializer.publicState(battle) } }),
  })
  return events
end

return M
