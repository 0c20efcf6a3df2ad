-- Player sessions: one active session per player; waves, battles and money reported by peers.
local correlator = require("game-logic.process-coordination.message-correlator")
local seedManager = require("game-logic.rng.seed-manager")
local timeUtils = require("game-logic.utils.time-utils")
require("data.constants.game-constants") -- sets the global GameConstants (no return value)

local M = {}

M.MAX_SESSIONS = 500
M.STARTING_MONEY = (GameConstants and GameConstants.START_MONEY) or 3000

local sessions = {}
local history = {}
local activeCount = 0

function M.reset()
  sessions, history, activeCount = {}, {}, 0
end

function M.get(playerId)
  return sessions[playerId]
end

--- Starts a session; returns the session or nil, code, message.
function M.start(playerId, msg, options)
  if sessions[playerId] then return nil, "SESSION_EXISTS", "player already has an active session" end
  if activeCount >= M.MAX_SESSIONS then return nil, "LIMIT_EXCEEDED", "too many active sessions" end
  options = options or {}
  local id = correlator.generateId("session")
  local ts = timeUtils.timestampOf(msg)
  local session = {
    id = id,
    playerId = playerId,
    startedAt = ts,
    lastActivity = ts,
    mode = options.mode or "classic",
    difficulty = options.difficulty or "normal",
    wave = 1,
    battles = 0,
    money = M.STARTING_MONEY,
    battleSeed = seedManager.battleSeed(id, 1),
    status = "active",
  }
  sessions[playerId] = session
  activeCount = activeCount + 1
  return session
end

function M.touch(playerId, msg)
  local s = sessions[playerId]
  if s then s.lastActivity = timeUtils.timestampOf(msg) end
  return s
end

--- Ends a session; returns its summary or nil when none.
function M.finish(playerId, msg, reason)
  local s = sessions[playerId]
  if not s then return nil end
  local ts = timeUtils.timestampOf(msg)
  local summary = {
    id = s.id,
    playerId = playerId,
    wave = s.wave,
    battles = s.battles,
    money = s.money,
    reason = reason or "player",
    mode = s.mode,
    durationMs = timeUtils.elapsed(s.startedAt, ts),
  }
  sessions[playerId] = nil
  activeCount = activeCount - 1
  history[#history + 1] = summary
  if #history > 100 then table.remove(history, 1) end
  return summary
end

--- Battle finished: advance the wave and re-seed the next battle.
function M.recordBattle(playerId, won, moneyDelta)
  local s = sessions[playerId]
  if not s then return nil end
  s.battles = s.battles + 1
  if won then s.wave = s.wave + 1 end
  s.money = math.max(0, s.money + (moneyDelta or 0))
  s.battleSeed = seedManager.battleSeed(s.id, s.battles + 1)
  return s
end

function M.activeCount()
  return activeCount
end

function M.history(n)
  local out = {}
  for i = math.max(1, #history - (n or 10) + 1), #history do out[#out + 1] = history[i] end
  return out
end

--- Ends every session idle for longer than maxIdleMs at the message's time; returns summaries.
function M.sweep(msg, maxIdleMs)
  local now = timeUtils.timestampOf(msg)
  local ended = {}
  for _, playerId in ipairs(M.activePlayers()) do
    if now - sessions[playerId].lastActivity > maxIdleMs then
      ended[#ended + 1] = M.finish(playerId, msg, "timeout")
    end
  end
  return ended
end

--- The last finished sessions of one player, newest first.
function M.historyOf(playerId, n)
  local out = {}
  for i = #history, 1, -1 do
    if history[i].playerId == playerId then out[#out + 1] = history[i] end
    if #out >= (n or 5) then break end
  end
  return out
end

--- Sorted ids of active players, for admin status.
function M.activePlayers()
  local out = {}
  for id in pairs(sessions) do out[#out + 1] = id end
  table.sort(out)
  return out
end

return M
