-- Battle process: starts battles, runs turns, answers state queries and replays, reports
-- results to the coordinator and experience to the pokemon process.
local ok, json = pcall(require, "json")
if not ok then
  -- Inline JSON fallback for hosts without the json module (escapes \n, \r and \t).
  json = {}
  local function escapeStr(s)
    s = s:gsub("\\", "\\\\"):gsub('"', '\\"')
    s = s:gsub("\n", "\\n"):gsub("\r", "\\r"):gsub("\t", "\\t")
    return '"' .. s .. '"'
  end
  function json.encode(v)
    local t = type(v)
    if t == "nil" then return "null" end
    if t == "boolean" or t == "number" then return tostring(v) end
    if t == "string" then return escapeStr(v) end
    if t == "table" then
      if #v > 0 or next(v) == nil then
        local parts = {}
        for i = 1, #v do parts[i] = json.encode(v[i]) end
        return "[" .. table.concat(parts, ",") .. "]"
      end
      local keys = {}
      for k in pairs(v) do keys[#keys + 1] = tostring(k) end
      table.sort(keys)
      local parts = {}
      for _, k in ipairs(keys) do parts[#parts + 1] = escapeStr(k) .. ":" .. json.encode(v[k]) end
      return "{" .. table.concat(parts, ",") .. "}"
    end
    error("cannot encode " .. t)
  end
  function json.decode(text)
    local pos = 1
    local function ws() pos = text:find("%S", pos) or #text + 1 end
    local value
    local function str()
      local out, i = {}, pos + 1
      while true do
        local c = text:sub(i, i)
        if c == "" then error("unterminated string") end
        if c == '"' then break end
        if c == "\\" then
          local n = text:sub(i + 1, i + 1)
          local map = { n = "\n", r = "\r", t = "\t", b = "\b", f = "\f" }
          out[#out + 1] = map[n] or n
          i = i + 2
        else
          out[#out + 1] = c
          i = i + 1
        end
      end
      pos = i + 1
      return table.concat(out)
    end
    value = function()
      ws()
      local c = text:sub(pos, pos)
      if c == "{" then
        local obj = {}
        pos = pos + 1
        ws()
        if text:sub(pos, pos) == "}" then pos = pos + 1 return obj end
        while true do
          ws()
          local k = str()
          ws()
          pos = pos + 1 -- colon
          obj[k] = value()
          ws()
          local d = text:sub(pos, pos)
          pos = pos + 1
          if d == "}" then return obj end
          if d ~= "," then error("expected , or }") end
        end
      elseif c == "[" then
        local arr = {}
        pos = pos + 1
        ws()
        if text:sub(pos, pos) == "]" then pos = pos + 1 return arr end
        while true do
          arr[#arr + 1] = value()
          ws()
          local d = text:sub(pos, pos)
          pos = pos + 1
          if d == "]" then return arr end
          if d ~= "," then error("expected , or ]") end
        end
      elseif c == '"' then
        return str()
      elseif text:sub(pos, pos + 3) == "true" then pos = pos + 4 return true
      elseif text:sub(pos, pos + 4) == "false" then pos = pos + 5 return false
      elseif text:sub(pos, pos + 3) == "null" then pos = pos + 4 return nil
      end
      local num = text:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
      if num == nil or num == "" then error("unexpected character at " .. pos) end
      pos = pos + #num
      return math.tointeger(tonumber(num)) or tonumber(num)
    end
    return value()
  end
end

BattleRNG = require("game-logic.rng.battle-rng")
local correlator = require("game-logic.process-coordination.message-correlator")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local router = require("game-logic.process-coordination.message-router")
local response = require("game-logic.utils.response")
local stateManager = require("battle.components.battle-state-manager")
local peerDirectory = require("battle.components.peer-directory")
local startHandler = require("battle.handlers.battle-start-handler")
local commandHandler = require("battle.handlers.battle-command-handler")
local stateHandler = require("battle.handlers.battle-state-handler")
local coordinationHandler = require("battle.handlers.battle-coordination-handler")
local replayHandler = require("battle.handlers.battle-replay-handler")
local endHandler = require("battle.handlers.battle-end-handler")
local previewHandler = require("battle.handlers.battle-preview-handler")
local historyHandler = require("battle.handlers.battle-history-handler")

-- Initialisation at load time: infrastructure first, then the process's own state.
correlator.initialize()
authenticator.initialize({ owner = Owner })
router.initialize()
BattleRNG.initGlobalRNG("battle:" .. tostring(ao.id))

PROCESS_INFO = {
  name = "pokerogue-battle",
  version = "1.4.0",
  role = "battle",
  processId = ao.id,
  actions = { "BATTLE_COMMAND", "BATTLE_COORDINATION", "BATTLE_END", "BATTLE_HISTORY", "BATTLE_PREVIEW", "BATTLE_REPLAY",
    "BATTLE_START", "BATTLE_STATE_QUERY", "HEALTH_CHECK", "Info" },
}

-- A handler error must become an error reply, never a failed message. The reply text stays
-- fixed (file names and line numbers differ between builds); the detail is kept for debugging.
LAST_HANDLER_ERROR = nil
local function guarded(action, fn)
  return function(msg)
    local okCall, err = pcall(fn, msg)
    if not okCall then
      LAST_HANDLER_ERROR = tostring(err)
      response.error(msg, "INTERNAL_ERROR", action .. " failed")
    end
  end
end

local function register(action, fn)
  router.register(action, fn)
  Handlers.add(action, Handlers.utils.hasMatchingTag("Action", action), guarded(action, fn))
end

register("BATTLE_START", startHandler.handle)
register("BATTLE_COMMAND", commandHandler.handle)
register("BATTLE_STATE_QUERY", stateHandler.handle)
register("BATTLE_COORDINATION", coordinationHandler.handle)
register("BATTLE_REPLAY", replayHandler.handle)
register("BATTLE_END", endHandler.handle)
register("BATTLE_PREVIEW", previewHandler.handle)
register("BATTLE_HISTORY", historyHandler.handle)

Handlers.add("Info", Handlers.utils.hasMatchingTag("Action", "Info"), function(msg)
  msg.reply({ Action = "Info-Response", Data = json.encode(PROCESS_INFO) })
end)

Handlers.add("HEALTH_CHECK", Handlers.utils.hasMatchingTag("Action", "HEALTH_CHECK"), function(msg)
  Handlers.utils.reply(json.encode({
    status = "healthy",
    process = "battle",
    battles = stateManager.count(),
    activeBattles = #stateManager.ids("active"),
    peers = #peerDirectory.list(),
    pending = correlator.stats().pending,
    routes = #router.actions(),
  }))(msg)
end)

if _G.TEST_MODE then
  BattleProcess = {
    stateManager = stateManager,
    peers = peerDirectory,
    handlers = { start = startHandler, command = commandHandler, state = stateHandler,
      coordination = coordinationHandler, replay = replayHandler, finish = endHandler, preview = previewHandler },
  }
end
