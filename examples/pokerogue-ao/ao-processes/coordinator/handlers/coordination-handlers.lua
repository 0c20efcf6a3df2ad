-- BATTLE_COORDINATION: players ask the coordinator, which forwards to the battle process with
-- a correlation id; the battle process answers with BATTLE_COORDINATION-Response, relayed back.
local sessions = require("coordinator.components.session-manager")
local state = require("coordinator.components.coordination-state")
local response = require("game-logic.utils.response")
local registry = require("game-logic.process-coordination.process-registry")
local interProcess = require("game-logic.process-coordination.inter-process")
local codec = require("game-logic.utils.json-codec")

local M = {}

local COMMANDS = { START = true, TURN = true, FORFEIT = true, STATE = true }

--- BATTLE_COORDINATION-Response from the battle process (replies built by utils.response).
function M.relay(msg, data)
  if registry.nameOf(msg.From) ~= "battle" then
    return response.error(msg, "UNAUTHORIZED", "only the battle process answers battle commands")
  end
  local info = interProcess.matchReply(msg)
  local route = state.take(msg.Tags["Correlation-Id"] or "")
  if not info or not route then
    return response.error(msg, "NOT_FOUND", "unknown correlation id")
  end
  if type(data.data) == "table" then data = data.data end
  if data.finished then
    sessions.recordBattle(route.playerId, data.winner == "player", tonumber(data.reward) or 0)
  end
  ao.send({ Target = route.playerId, Action = "BATTLE_UPDATE", Data = codec.encode(data) })
  return data
end

function M.coordinate(msg, data)
  local command = data.command
  if not COMMANDS[command or ""] then
    return response.error(msg, "INVALID_ACTION", "command must be START, TURN, FORFEIT or STATE")
  end
  local session = sessions.touch(msg.From, msg)
  if not session then return response.error(msg, "NO_SESSION", "start a session before battling") end
  local payload = {
    command = command,
    playerId = msg.From,
    sessionId = session.id,
    seed = session.battleSeed,
    wave = session.wave,
    move = data.move,
    party = data.party,
  }
  local id, err = interProcess.request("battle", "BATTLE_COORDINATION", payload, msg)
  if not id then return response.error(msg, "UNKNOWN_PROCESS", err) end
  state.remember(id, msg.From, command)
  return response.ok(msg, { routed = true, correlationId = id, command = command })
end

--- BATTLE_RESULT from the battle process: advance the player's session.
function M.battleResult(msg, data)
  if registry.nameOf(msg.From) ~= "battle" and msg.From ~= Owner then
    return response.error(msg, "UNAUTHORIZED", "only the battle process reports results")
  end
  if type(data.playerId) ~= "string" then return response.error(msg, "MISSING_FIELD", "playerId") end
  local s = sessions.recordBattle(data.playerId, data.winner == "player", tonumber(data.reward) or 0)
  if not s then return response.error(msg, "NO_SESSION", "no active session for " .. data.playerId) end
  return response.ok(msg, { wave = s.wave, battles = s.battles, money = s.money })
end

return M
