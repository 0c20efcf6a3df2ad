-- Admin process: status, process list, live configuration and broadcasts to every process.

local ok, json = pcall(require, "json")
if not ok then
  -- inline fallback: escapes quotes, backslashes and \n (not \r or \t); keys in pairs order
  json = {}
  local function quote(s)
    return '"' .. s:gsub('[\\"]', function(c) return "\\" .. c end):gsub("\n", "\\n") .. '"'
  end
  function json.encode(v)
    local t = type(v)
    if t == "nil" then return "null" end
    if t == "boolean" then return v and "true" or "false" end
    if t == "number" then return string.format("%.14g", v) end
    if t == "string" then return quote(v) end
    if t == "table" then
      if #v > 0 then
        local parts = {}
        for i = 1, #v do parts[i] = json.encode(v[i]) end
        return "[" .. table.concat(parts, ",") .. "]"
      end
      local parts = {}
      for k, val in pairs(v) do parts[#parts + 1] = quote(tostring(k)) .. ":" .. json.encode(val) end
      return "{" .. table.concat(parts, ",") .. "}"
    end
    error("cannot encode " .. t)
  end
  function json.decode(s)
    error("json.decode unavailable without the aos json module")
  end
end

TEST_MODE = TEST_MODE or false

local correlator = require("game-logic.process-coordination.message-correlator")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local router = require("game-logic.process-coordination.message-router")
local registry = require("game-logic.process-coordination.process-registry")
local health = require("game-logic.process-coordination.health-monitor")
local protocol = require("game-logic.process-coordination.protocol")
local codec = require("game-logic.utils.json-codec")
local errorHandler = require("handlers.error-handler")
local healthHandler = require("handlers.health-handler")
local registrationHandler = require("handlers.registration-handler")
local adminHandlers = require("admin.handlers.admin-handlers")
local statusHandlers = require("admin.handlers.status-handlers")
local configStore = require("admin.components.config-store")
BattleRNG = require("game-logic.rng.battle-rng")

PROCESS_INFO = {
  name = "admin",
  version = protocol.VERSION,
  description = "Operations: status, process list, configuration, broadcasts",
  actions = { "ADMIN_STATUS", "ADMIN_PROCESS_LIST", "ADMIN_SET_CONFIG", "ADMIN_BROADCAST", "ADMIN_MAINTENANCE",
    "REGISTER_PROCESS", "PROCESS_LIST", "Info", "HEALTH_CHECK" },
}

correlator.initialize()
authenticator.initialize({ owner = Owner })
router.initialize()
registry.initialize(PROCESS_INFO)
health.initialize()
BattleRNG.initGlobalRNG("admin:" .. tostring(ao.id))

local function add(action, fn)
  local wrapped = errorHandler.wrap(action, fn)
  router.register(action, wrapped)
  Handlers.add(action, Handlers.utils.hasMatchingTag("Action", action), wrapped)
end

-- Info replies through Handlers.utils.reply (the older idiom), keys sorted by the codec
Handlers.add("Info", Handlers.utils.hasMatchingTag("Action", "Info"), function(msg)
  health.observe(msg)
  local body = { name = PROCESS_INFO.name, version = PROCESS_INFO.version, description = PROCESS_INFO.description,
    actions = PROCESS_INFO.actions, peers = registry.list(), configRevision = configStore.revision() }
  Handlers.utils.reply(codec.encode(body))(msg)
end)

Handlers.add("HEALTH_CHECK", Handlers.utils.hasMatchingTag("Action", "HEALTH_CHECK"), function(msg)
  healthHandler.healthCheck(msg, function()
    local config = configStore.get()
    return { maintenance = config.maintenance, configRevision = configStore.revision() }
  end)
end)

add("ADMIN_STATUS", statusHandlers.status)
add("ADMIN_PROCESS_LIST", statusHandlers.processList)
add("ADMIN_SET_CONFIG", adminHandlers.setConfig)
add("ADMIN_BROADCAST", adminHandlers.broadcast)
add("ADMIN_MAINTENANCE", adminHandlers.maintenance)
add("REGISTER_PROCESS", registrationHandler.register)
add("PROCESS_LIST", registrationHandler.list)

Handlers.add("HEALTH_CHECK-Response", Handlers.utils.hasMatchingTag("Action", "HEALTH_CHECK-Response"), function(msg)
  statusHandlers.healthReply(msg)
end)

-- some peers (battle) answer HEALTH_CHECK through Handlers.utils.reply: no Action tag, only the
-- X-Reference of the broadcast; those answers are recorded the same way
Handlers.add("HEALTH_CHECK-Untagged", function(msg)
  return msg.Tags.Action == nil and msg.Tags["X-Reference"] ~= nil and registry.nameOf(msg.From) ~= nil
end, function(msg)
  statusHandlers.healthReply(msg)
end)

if TEST_MODE then
  AdminTestHooks = {
    config = configStore,
    reset = configStore.reset,
    dumpConfig = function() return json.encode(configStore.get()) end,
  }
end
