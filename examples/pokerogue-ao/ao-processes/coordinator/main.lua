-- Coordinator process: player sessions, save games, process registration, battle routing.
-- Peers are learned from spawn tags (Process-Battle=...) or REGISTER_PROCESS, never hard-coded.

local ok, json = pcall(require, "json")
if not ok then
  -- inline fallback for hosts without aos's json (local emulators); escapes \n \r \t
  json = {}
  local function escape(s)
    s = s:gsub("\\", "\\\\"):gsub('"', '\\"')
    s = s:gsub("\n", "\\n"):gsub("\r", "\\r"):gsub("\t", "\\t")
    return s
  end
  function json.encode(v)
    local t = type(v)
    if t == "nil" then return "null" end
    if t == "boolean" or t == "number" then return tostring(v) end
    if t == "string" then return '"' .. escape(v) .. '"' end
    if t == "table" then
      if #v > 0 or next(v) == nil then
        local parts = {}
        for i = 1, #v do parts[#parts + 1] = json.encode(v[i]) end
        return "[" .. table.concat(parts, ",") .. "]"
      end
      local keys = {}
      for k in pairs(v) do keys[#keys + 1] = tostring(k) end
      table.sort(keys)
      local parts = {}
      for _, k in ipairs(keys) do parts[#parts + 1] = '"' .. escape(k) .. '":' .. json.encode(v[k]) end
      return "{" .. table.concat(parts, ",") .. "}"
    end
    error("cannot encode " .. t)
  end
  function json.decode(s)
    local pos = 1
    local function ws() pos = s:find("[^ \t\r\n]", pos) or #s + 1 end
    local value
    local function str()
      local out, i = {}, pos + 1
      while true do
        local c = s:sub(i, i)
        if c == "" then error("unterminated string") end
        if c == '"' then pos = i + 1; return table.concat(out) end
        if c == "\\" then
          local e = s:sub(i + 1, i + 1)
          local map = { n = "\n", r = "\r", t = "\t", b = "\b", f = "\f" }
          if e == "u" then
            out[#out + 1] = utf8.char(tonumber(s:sub(i + 2, i + 5), 16)); i = i + 6
          else
            out[#out + 1] = map[e] or e; i = i + 2
          end
        else
          out[#out + 1] = c; i = i + 1
        end
      end
    end
    value = function()
      ws()
      local c = s:sub(pos, pos)
      if c == "{" then
        local t = {}
        pos = pos + 1; ws()
        if s:sub(pos, pos) == "}" then pos = pos + 1; return t end
        repeat
          ws(); local k = str(); ws()
          if s:sub(pos, pos) ~= ":" then error("expected ':' at " .. pos) end
          pos = pos + 1
          t[k] = value(); ws()
          c = s:sub(pos, pos); pos = pos + 1
        until c ~= ","
        if c ~= "}" then error("expected '}' at " .. pos) end
        return t
      elseif c == "[" then
        local t = {}
        pos = pos + 1; ws()
        if s:sub(pos, pos) == "]" then pos = pos + 1; return t end
        repeat
          t[#t + 1] = value(); ws()
          c = s:sub(pos, pos); pos = pos + 1
        until c ~= ","
        if c ~= "]" then error("expected ']' at " .. pos) end
        return t
      elseif c == '"' then
        return str()
      end
      local lit = s:match("^[%w%.%-+]+", pos)
      if not lit then error("unexpected character at " .. pos) end
      pos = pos + #lit
      if lit == "true" then return true elseif lit == "false" then return false elseif lit == "null" then return nil end
      return tonumber(lit) or error("bad literal " .. lit)
    end
    return value()
  end
end

TEST_MODE = TEST_MODE or false

local correlator = require("game-logic.process-coordination.message-correlator")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local router = require("game-logic.process-coordination.message-router")
local registry = require("game-logic.process-coordination.process-registry")
local health = require("game-logic.process-coordination.health-monitor")
local protocol = require("game-logic.process-coordination.protocol")
local errorHandler = require("handlers.error-handler")
local healthHandler = require("handlers.health-handler")
local sessionHandlers = require("coordinator.handlers.session-handlers")
local saveHandlers = require("coordinator.handlers.save-handlers")
local coordinationHandlers = require("coordinator.handlers.coordination-handlers")
local registrationHandlers = require("handlers.registration-handler")
local progressHandlers = require("coordinator.handlers.progress-handlers")
local sessions = require("coordinator.components.session-manager")
local coordinationState = require("coordinator.components.coordination-state")
BattleRNG = require("game-logic.rng.battle-rng")

PROCESS_INFO = {
  name = "coordinator",
  version = protocol.VERSION,
  description = "Sessions, save games and routing between the PokeRogue processes",
  actions = { "SESSION_START", "SESSION_END", "SESSION_QUERY", "SESSION_SWEEP", "RUN_HISTORY", "SAVE_GAME", "LOAD_GAME",
    "BATTLE_COORDINATION", "BATTLE_RESULT", "REGISTER_PROCESS", "PROCESS_LIST", "LEADERBOARD_QUERY", "ACHIEVEMENTS_GET", "DAILY_CHALLENGE", "Info", "HEALTH_CHECK" },
}

-- initialisation at load time, as in every process
correlator.initialize()
authenticator.initialize({ owner = Owner })
router.initialize()
registry.initialize(PROCESS_INFO)
health.initialize()
BattleRNG.initGlobalRNG("coordinator:" .. tostring(ao.id))

local function add(action, fn)
  local wrapped = errorHandler.wrap(action, fn)
  router.register(action, wrapped)
  Handlers.add(action, Handlers.utils.hasMatchingTag("Action", action), wrapped)
end

Handlers.add("Info", Handlers.utils.hasMatchingTag("Action", "Info"), function(msg)
  healthHandler.info(msg, PROCESS_INFO)
end)

Handlers.add("HEALTH_CHECK", Handlers.utils.hasMatchingTag("Action", "HEALTH_CHECK"), function(msg)
  healthHandler.healthCheck(msg, function()
    return { activeSessions = sessions.activeCount(), pendingBattles = coordinationState.pending(),
      completedBattles = coordinationState.completed() }
  end)
end)

add("SESSION_START", sessionHandlers.start)
add("SESSION_END", sessionHandlers.finish)
add("SESSION_QUERY", sessionHandlers.query)
add("SESSION_SWEEP", sessionHandlers.sweep)
add("RUN_HISTORY", sessionHandlers.history)
add("SAVE_GAME", saveHandlers.save)
add("LOAD_GAME", saveHandlers.load)
add("BATTLE_COORDINATION", coordinationHandlers.coordinate)
for _, action in ipairs(coordinationHandlers.RELAYED_ACTIONS) do add(action, coordinationHandlers.relay) end
add("BATTLE_RESULT", coordinationHandlers.battleResult)
add("REGISTER_PROCESS", registrationHandlers.register)
add("PROCESS_LIST", registrationHandlers.list)
add("LEADERBOARD_QUERY", progressHandlers.leaderboard)
add("ACHIEVEMENTS_GET", progressHandlers.achievements)
add("DAILY_CHALLENGE", progressHandlers.dailyChallenge)

-- security's answers to SAVE_GAME's validation request: a rejected save ends the session
local function validationReply(msg)
  local info = correlator.resolve(msg.Tags["Correlation-Id"] or "")
  if not info or registry.nameOf(msg.From) ~= "security" or not info.origin then return end
  local okDecode, body = pcall(json.decode, msg.Data or "")
  if okDecode and type(body) == "table" and body.code == "CHEAT_DETECTED" then
    local summary = sessions.finish(info.origin, msg, "cheat")
    if summary then progressHandlers.onSessionEnd(summary, msg) end
    ao.send({ Target = info.origin, Action = "SESSION_TERMINATED", Data = json.encode({ reason = "cheat", details = body.message }) })
  end
end

Handlers.add("VALIDATE_STATE-Response", Handlers.utils.hasMatchingTag("Action", "VALIDATE_STATE-Response"), validationReply)
Handlers.add("VALIDATE_STATE-Error", Handlers.utils.hasMatchingTag("Action", "VALIDATE_STATE-Error"), validationReply)

-- acknowledgements from peers and admin notices: counted, never answered
local logger = require("game-logic.utils.logger")
for _, action in ipairs({ "SESSION_NOTIFY-Response", "ADMIN_NOTICE" }) do
  Handlers.add(action, Handlers.utils.hasMatchingTag("Action", action), function(msg)
    health.observe(msg)
    logger.info(registry.nameOf(msg.From) or "unknown", action, tonumber(msg.Timestamp))
  end)
end

if TEST_MODE then
  CoordinatorTestHooks = {
    sessions = sessions,
    saves = require("coordinator.components.save-manager"),
    reset = function()
      sessions.reset()
      coordinationState.reset()
      correlator.initialize()
    end,
  }
end
