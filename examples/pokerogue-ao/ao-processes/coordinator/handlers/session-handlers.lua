-- SESSION_START / SESSION_END / SESSION_QUERY.
local sessions = require("coordinator.components.session-manager")
local response = require("game-logic.utils.response")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local interProcess = require("game-logic.process-coordination.inter-process")
local progress = require("coordinator.handlers.progress-handlers")
local codec = require("game-logic.utils.json-codec")

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
  local unlocked = progress.onSessionStart(session, msg)
  return response.ok(msg, { session = session, unlocked = unlocked })
end

function M.finish(msg, data)
  local player = playerOf(msg, data)
  if not player then return response.error(msg, "UNAUTHORIZED", "cannot end another player's session") end
  local summary = sessions.finish(player, msg, data.reason)
  if not summary then return response.error(msg, "NO_SESSION", "no active session for " .. player) end
  interProcess.notify("battle", "SESSION_NOTIFY", { event = "end", playerId = player, sessionId = summary.id })
  local unlocked = progress.onSessionEnd(summary, msg)
  return response.ok(msg, { summary = summary, unlocked = unlocked })
end

function M.query(msg, data)
  local player = playerOf(msg, data)
  if not player then return response.error(msg, "UNAUTHORIZED", "cannot query another player's session") end
  local s = player == msg.From and sessions.touch(player, msg) or sessions.get(player)
  if not s then return response.error(msg, "NO_SESSION", "no active session for " .. player) end
  return response.ok(msg, { session = s, active = sessions.activeCount() })
end

--- SESSION_SWEEP (owner or admin process): ends sessions idle longer than maxIdleMs.
function M.sweep(msg, data)
  if not authenticator.isAuthorized(msg, "admin") then
    return response.error(msg, "UNAUTHORIZED", "only the owner sweeps sessions")
  end
  local maxIdle = math.tointeger(tonumber(data.maxIdleMs or 1800000))
  if not maxIdle or maxIdle < 60000 then return response.error(msg, "INVALID_VALUE", "maxIdleMs must be >= 60000") end
  local ended = sessions.sweep(msg, maxIdle)
  for _, summary in ipairs(ended) do
    progress.onSessionEnd(summary, msg)
    ao.send({ Target = summary.playerId, Action = "SESSION_TERMINATED", Data = codec.encode({ reason = "timeout" }) })
  end
  return response.ok(msg, { ended = #ended, active = sessions.activeCount() })
end

--- RUN_HISTORY: the sender's last finished sessions.
function M.history(msg, data)
  local n = math.tointeger(tonumber(data.limit or 5))
  if not n or n < 1 or n > 20 then return response.error(msg, "INVALID_VALUE", "limit must be 1..20") end
  return response.ok(msg, { runs = sessions.historyOf(msg.From, n) })
end

return M
