-- Achievements unlocked from session events. Each definition is a predicate over the player's
-- running statistics; unlocks are kept per player with the timestamp of the message that did it.
local M = {}

-- stats: {sessions, bestWave, battles, wins, saves, money, modes = {classic=n, ...}}
local function atLeast(field, n)
  return function(stats) return (stats[field] or 0) >= n end
end

local function modePlayed(mode)
  return function(stats) return (stats.modes[mode] or 0) > 0 end
end

M.DEFINITIONS = {
  { id = "first-steps", name = "First Steps", description = "Start a first session", check = atLeast("sessions", 1) },
  { id = "regular", name = "Regular", description = "Start 10 sessions", check = atLeast("sessions", 10) },
  { id = "wave-5", name = "Wave 5", description = "Reach wave 5", check = atLeast("bestWave", 5) },
  { id = "wave-10", name = "Wave 10", description = "Reach wave 10", check = atLeast("bestWave", 10) },
  { id = "wave-25", name = "Wave 25", description = "Reach wave 25", check = atLeast("bestWave", 25) },
  { id = "wave-50", name = "Wave 50", description = "Reach wave 50", check = atLeast("bestWave", 50) },
  { id = "wave-100", name = "Champion", description = "Reach wave 100", check = atLeast("bestWave", 100) },
  { id = "first-battle", name = "First Battle", description = "Finish a battle", check = atLeast("battles", 1) },
  { id = "veteran", name = "Veteran", description = "Finish 25 battles", check = atLeast("battles", 25) },
  { id = "first-win", name = "First Win", description = "Win a battle", check = atLeast("wins", 1) },
  { id = "winner-10", name = "Ten Wins", description = "Win 10 battles", check = atLeast("wins", 10) },
  { id = "saver", name = "Careful Player", description = "Save a game", check = atLeast("saves", 1) },
  { id = "rich", name = "Deep Pockets", description = "Hold 10000 money in a session", check = atLeast("money", 10000) },
  { id = "classic", name = "Classic", description = "Play the classic mode", check = modePlayed("classic") },
  { id = "endless", name = "Endless", description = "Play the endless mode", check = modePlayed("endless") },
  { id = "daily", name = "Daily Runner", description = "Play a daily run", check = modePlayed("daily") },
  { id = "all-modes", name = "Completionist", description = "Play every mode",
    check = function(stats) return modePlayed("classic")(stats) and modePlayed("endless")(stats) and modePlayed("daily")(stats) end },
}

local statsByPlayer = {}
local unlockedByPlayer = {}

function M.reset()
  statsByPlayer, unlockedByPlayer = {}, {}
end

function M.stats(playerId)
  local s = statsByPlayer[playerId]
  if not s then
    s = { sessions = 0, bestWave = 0, battles = 0, wins = 0, saves = 0, money = 0, modes = {} }
    statsByPlayer[playerId] = s
  end
  return s
end

--- Applies an event ({kind="session"|"battle"|"save"|"progress", ...}); returns newly unlocked ids.
function M.record(playerId, event, ts)
  local s = M.stats(playerId)
  if event.kind == "session" then
    s.sessions = s.sessions + 1
    s.modes[event.mode or "classic"] = (s.modes[event.mode or "classic"] or 0) + 1
  elseif event.kind == "battle" then
    s.battles = s.battles + 1
    if event.won then s.wins = s.wins + 1 end
  elseif event.kind == "save" then
    s.saves = s.saves + 1
  end
  if event.wave and event.wave > s.bestWave then s.bestWave = event.wave end
  if event.money and event.money > s.money then s.money = event.money end
  unlockedByPlayer[playerId] = unlockedByPlayer[playerId] or {}
  local unlocked = unlockedByPlayer[playerId]
  local fresh = {}
  for _, def in ipairs(M.DEFINITIONS) do
    if not unlocked[def.id] and def.check(s) then
      unlocked[def.id] = ts or 0
      fresh[#fresh + 1] = def.id
    end
  end
  return fresh
end

--- Unlocked achievements of a player, in definition order, with progress counts.
function M.list(playerId)
  local unlocked = unlockedByPlayer[playerId] or {}
  local out = {}
  for _, def in ipairs(M.DEFINITIONS) do
    if unlocked[def.id] then
      out[#out + 1] = { id = def.id, name = def.name, description = def.description, unlockedAt = unlocked[def.id] }
    end
  end
  return out, #M.DEFINITIONS
end

return M
