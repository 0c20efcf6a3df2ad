-- LEADERBOARD_QUERY / ACHIEVEMENTS_GET, and the hooks that feed both from session events.
local leaderboard = require("coordinator.components.leaderboard")
local achievements = require("coordinator.components.achievements")
local response = require("game-logic.utils.response")
local timeUtils = require("game-logic.utils.time-utils")
local dailyChallenge = require("coordinator.components.daily-challenge")

local M = {}

local MODES = { classic = true, endless = true, daily = true }

function M.leaderboard(msg, data)
  local mode = data.mode or "classic"
  if not MODES[mode] then return response.error(msg, "INVALID_VALUE", "unknown mode " .. tostring(mode)) end
  local limit = math.tointeger(tonumber(data.limit or 10))
  if not limit or limit < 1 or limit > 50 then return response.error(msg, "INVALID_VALUE", "limit must be 1..50") end
  return response.ok(msg, { mode = mode, entries = leaderboard.top(mode, limit), size = leaderboard.size(mode),
    yourRank = leaderboard.rankOf(mode, msg.From) })
end

function M.achievements(msg, data)
  local player = data.playerId or msg.From
  local list, total = achievements.list(player)
  return response.ok(msg, { playerId = player, unlocked = list, total = total, stats = achievements.stats(player) })
end

--- DAILY_CHALLENGE: today's rules; {enter = true} also registers the player (once a day).
function M.dailyChallenge(msg, data)
  local ts = timeUtils.timestampOf(msg)
  if data.enter then
    local rules, code = dailyChallenge.enter(msg.From, ts)
    if not rules then return response.error(msg, code, "already entered today's challenge") end
    return response.ok(msg, { rules = rules, entered = true, entrants = dailyChallenge.entrants(ts) })
  end
  return response.ok(msg, { rules = dailyChallenge.forDay(ts), entrants = dailyChallenge.entrants(ts) })
end

--- Session events from the other coordinator handlers; returns newly unlocked ids.
function M.onSessionStart(session, msg)
  return achievements.record(session.playerId, { kind = "session", mode = session.mode }, timeUtils.timestampOf(msg))
end

function M.onSessionEnd(summary, msg)
  local ts = timeUtils.timestampOf(msg)
  -- runs ended by the anti-cheat never reach the leaderboard
  if summary.reason ~= "cheat" then leaderboard.record(summary.mode, summary, ts) end
  return achievements.record(summary.playerId, { kind = "progress", wave = summary.wave, money = summary.money }, ts)
end

function M.onBattle(playerId, won, session, msg)
  return achievements.record(playerId, { kind = "battle", won = won, wave = session.wave, money = session.money },
    timeUtils.timestampOf(msg))
end

function M.onSave(playerId, state, msg)
  return achievements.record(playerId, { kind = "save", wave = state.wave }, timeUtils.timestampOf(msg))
end

return M
