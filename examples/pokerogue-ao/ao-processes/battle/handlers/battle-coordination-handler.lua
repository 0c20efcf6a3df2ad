-- BATTLE_COORDINATION: messages between processes. Operations (Data.op or the Operation tag):
--   REGISTER_PEER (owner only)  {role, processId}: trust a peer and remember its id
--   PREPARE (coordinator)       {sessionId, playerId}: reserve a battle id for a session
--   STATUS (any registered peer): counts of battles by status
--   ACK (any registered peer)   Correlation-Id tag: resolve a request this process sent
local codec = require("game-logic.utils.json-codec")
local response = require("game-logic.utils.response")
local correlator = require("game-logic.process-coordination.message-correlator")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local stateManager = require("battle.components.battle-state-manager")
local peerDirectory = require("battle.components.peer-directory")

local M = {}

local VALID_ROLES = { coordinator = true, pokemon = true, security = true, economy = true, admin = true }
local reservations = {}

local operations = {}

function operations.REGISTER_PEER(msg, data)
  if not authenticator.isOwner(msg) then return response.error(msg, "UNAUTHORIZED", "only the owner registers peers") end
  if type(data.processId) ~= "string" or data.processId == "" then
    return response.error(msg, "INVALID_PROCESS_ID", "processId required")
  end
  if not VALID_ROLES[data.role] then return response.error(msg, "INVALID_ROLE", "unknown role") end
  authenticator.registerProcess(data.processId, data.role)
  peerDirectory.set(data.role, data.processId)
  return response.ok(msg, { peers = peerDirectory.list() })
end

function operations.PREPARE(msg, data)
  if not authenticator.isAuthorized(msg, "coordinator") then
    return response.error(msg, "UNAUTHORIZED", "only the coordinator prepares battles")
  end
  if type(data.sessionId) ~= "string" or data.sessionId == "" then
    return response.error(msg, "INVALID_SESSION", "sessionId required")
  end
  local battleId = reservations[data.sessionId] or correlator.generateId("battle")
  reservations[data.sessionId] = battleId
  return response.ok(msg, { sessionId = data.sessionId, battleId = battleId, playerId = data.playerId })
end

function operations.STATUS(msg)
  if not authenticator.isAuthorized(msg) then return response.error(msg, "UNAUTHORIZED", "unknown peer") end
  return response.ok(msg, {
    active = #stateManager.ids("active"),
    ended = #stateManager.ids("ended"),
    total = stateManager.count(),
    pending = correlator.stats().pending,
  })
end

function operations.ACK(msg)
  if not authenticator.isAuthorized(msg) then return response.error(msg, "UNAUTHORIZED", "unknown peer") end
  local id = msg.Tags["Correlation-Id"]
  local entry = id and correlator.resolve(id) or nil
  if entry == nil then return response.error(msg, "UNKNOWN_CORRELATION", "no request with that correlation id") end
  return response.ok(msg, { resolved = id, action = entry.action, target = entry.target })
end

function M.handle(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  local op = data.op or msg.Tags.Operation
  local fn = type(op) == "string" and operations[op] or nil
  if fn == nil then return response.error(msg, "UNKNOWN_OPERATION", "op must be REGISTER_PEER, PREPARE, STATUS or ACK") end
  return fn(msg, data)
end

function M.reservationFor(sessionId)
  return reservations[sessionId]
end

return M
