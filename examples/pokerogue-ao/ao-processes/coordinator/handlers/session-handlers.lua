-- SESSION_START / SESSION_END / SESSION_QUERY.
local sessions = require("coordinator.components.session-manager")
local response = require("game-logic.utils.response")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local interProcess = require("game-logic.process-coordination.inter-process")

local M = {}

local VALID_MODES = { classic = true, endless = true, daily = true }
local VALID_DIFFICULTIES = { easy = true, normal = true, hard = true }

-- the player is the sender; the owner and peers may act for another player
local function playerOf(msg, data)
  if data.playerId and data.playerId ~= msg.From then
    if not authenticator.isAuthorized(msg) then return nil end
    return data.playerId
  end
  return msg.From
end

function M.start(msg, data)
  local player = playerOf(msg, data)
  if not player then return response.error(msg, "UNAUTHORIZED", "cannot start a session for another player") end
  if data.mode and not VALID_MODES[data.mode] then
    return response.error(msg, "INVALID_VALUE", "unknown mode " .. tostring(data.mode))
  end
  if data.difficulty and not VALID_DIFFICULTIES[data.difficulty] then
    return response.error(msg, "INVALID_VALUE", "unknown difficulty " .. tostring(data.difficulty))
  end
  local session, code, text = sessions.start(player, msg, data)
  if not session then return response.error(msg, code, text) end
  -- peers learn about the session when they are registered; absent peers are skipped
  interProcess.notify("battle", "SESSION_NOTIFY", { event = "start", playerId = player, sessionId = session.id, seed = session.battleSeed })
  interProcess.notify("economy", "SESSION_NOTIFY", { event = "start", playerId = player, money = session.money })
  return response.ok(msg, { session = session })
end

function M.finish(msg, data)
  local player = playerOf(msg, data)
  if not player then return response.error(msg, "UNAUTHORIZED", "cannot end another player's session") end
  local summary = sessions.finish(player, msg, data.reason)
  if not summary then return response.error(msg, "NO_SESSION", "no active session for " .. player) end
  interProcess.notify("battle", "SESSION_NOTIFY", { event = "end", playerId = player, sessionId = summary.id })
  return response.ok(msg, { summary = summary })
end

function M.query(msg, data)
  local player = playerOf(msg, data)
  if not player then return response.error(msg, "UNAUTHORIZED", "cannot query another player's session") end
  local s = sessions.get(player)
  if not s then return response.error(msg, "NO_SESSION", "no active session for " .. player) end
  return response.ok(msg, { session = s, active = sessions.activeCount() })
end

return M
