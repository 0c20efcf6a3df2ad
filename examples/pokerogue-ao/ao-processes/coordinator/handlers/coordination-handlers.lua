-- BATTLE_COORDINATION: the player asks the coordinator, which talks to the battle process
-- (see docs/messages-a.md) with a correlation id:
--   START   -> BATTLE_COORDINATION {op = "PREPARE", sessionId, playerId}  (reserves a battle id)
--   STATE   -> BATTLE_COORDINATION {op = "STATUS"}
--   TURN    -> BATTLE_COMMAND {battleId, command = "move", moveIndex}
--   FORFEIT -> BATTLE_END {battleId}
-- The battle's answers (-Response / -Error) are relayed to the player as BATTLE_UPDATE;
-- BATTLE_RESULT (sent by the battle when a battle ends) advances the player's session.
local sessions = require("coordinator.components.session-manager")
local state = require("coordinator.components.coordination-state")
local response = require("game-logic.utils.response")
local registry = require("game-logic.process-coordination.process-registry")
local interProcess = require("game-logic.process-coordination.inter-process")
local codec = require("game-logic.utils.json-codec")
local logger = require("game-logic.utils.logger")
local progress = require("coordinator.handlers.progress-handlers")

local M = {}

local COMMANDS = {
  START = function(session) return "BATTLE_COORDINATION", { op = "PREPARE", sessionId = session.id, playerId = session.playerId } end,
  STATE = function() return "BATTLE_COORDINATION", { op = "STATUS" } end,
  TURN = function(session, data)
    local moveIndex = math.tointeger(tonumber(data.move or data.moveIndex))
    if not moveIndex or moveIndex < 1 or moveIndex > 4 then return nil, "move must be 1..4" end
    return "BATTLE_COMMAND", { battleId = data.battleId or session.battleId, command = "move", moveIndex = moveIndex }
  end,
  FORFEIT = function(session, data) return "BATTLE_END", { battleId = data.battleId or session.battleId } end,
}

function M.coordinate(msg, data)
  local build = COMMANDS[data.command or ""]
  if not build then
    return response.error(msg, "INVALID_ACTION", "command must be START, TURN, FORFEIT or STATE")
  end
  local session = sessions.touch(msg.From, msg)
  if not session then return response.error(msg, "NO_SESSION", "start a session before battling") end
  local action, payload = build(session, data)
  if not action then return response.error(msg, "INVALID_VALUE", payload) end
  if payload.battleId == nil and (action == "BATTLE_COMMAND" or action == "BATTLE_END") then
    return response.error(msg, "INVALID_ACTION", "no battle for this session: send START or give battleId")
  end
  local id, err = interProcess.request("battle", action, payload, msg)
  if not id then return response.error(msg, "UNKNOWN_PROCESS", err) end
  state.remember(id, msg.From, data.command)
  return response.ok(msg, { routed = true, correlationId = id, command = data.command, action = action })
end

--- Any answer of the battle process to a routed command (-Response or -Error actions).
--- Never answered back: a reply to a reply could loop between processes.
function M.relay(msg, data)
  if registry.nameOf(msg.From) ~= "battle" then
    logger.warn("relay", "battle answer from an unknown process " .. tostring(msg.From), tonumber(msg.Timestamp))
    return nil
  end
  local info = interProcess.matchReply(msg)
  local route = info and state.take(info.id)
  if not route then
    logger.warn("relay", "battle answer with no pending request", tonumber(msg.Timestamp))
    return nil
  end
  local body = type(data.data) == "table" and data.data or data
  if route.command == "START" and type(body.battleId) == "string" then
    local session = sessions.get(route.playerId)
    if session then session.battleId = body.battleId end
  end
  local update = { command = route.command, answer = msg.Tags.Action, ok = data.ok == true, error = data.error == true,
    code = data.code, data = body }
  ao.send({ Target = route.playerId, Action = "BATTLE_UPDATE", Data = codec.encode(update) })
  return update
end

--- BATTLE_RESULT from the battle process: advance the player's session.
function M.battleResult(msg, data)
  if registry.nameOf(msg.From) ~= "battle" and msg.From ~= Owner then
    return response.error(msg, "UNAUTHORIZED", "only the battle process reports results")
  end
  if type(data.playerId) ~= "string" then return response.error(msg, "MISSING_FIELD", "playerId") end
  local money = tonumber(data.money or data.reward) or 0
  local s = sessions.recordBattle(data.playerId, data.winner == "player", money)
  if not s then return response.error(msg, "NO_SESSION", "no active session for " .. data.playerId) end
  s.battleId = nil
  local unlocked = progress.onBattle(data.playerId, data.winner == "player", s, msg)
  return response.ok(msg, { wave = s.wave, battles = s.battles, money = s.money, unlocked = unlocked })
end

--- Battle answers routed through relay().
M.RELAYED_ACTIONS = {
  "BATTLE_COORDINATION-Response", "BATTLE_COORDINATION-Error",
  "BATTLE_COMMAND-Response", "BATTLE_COMMAND-Error",
  "BATTLE_END-Response", "BATTLE_END-Error",
}

return M
