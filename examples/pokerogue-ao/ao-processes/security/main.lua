-- Security process: anti-cheat validation of reported state, action validation, violations.

local ok, json = pcall(require, "json")
if not ok then
  -- inline fallback: escapes quotes and backslashes only (control characters pass through)
  json = {}
  local function quote(s)
    return '"' .. s:gsub('[\\"]', function(c) return "\\" .. c end) .. '"'
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
      local keys = {}
      for k in pairs(v) do keys[#keys + 1] = tostring(k) end
      table.sort(keys)
      local parts = {}
      for _, k in ipairs(keys) do parts[#parts + 1] = quote(k) .. ":" .. json.encode(v[k]) end
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
local validationHandlers = require("security.handlers.validation-handlers")
local violationHandlers = require("security.handlers.violation-handlers")
local violations = require("security.components.violation-log")
local registrationHandlers = require("handlers.registration-handler")
BattleRNG = require("game-logic.rng.battle-rng")
CryptoRNG = require("game-logic.rng.crypto-rng")

PROCESS_INFO = {
  name = "security",
  version = protocol.VERSION,
  description = "Anti-cheat: validates reported party, stats, levels and money",
  actions = { "VALIDATE_STATE", "VALIDATE_ACTION", "VALIDATE_DAMAGE", "REPORT_VIOLATION", "GET_VIOLATIONS",
    "REGISTER_PROCESS", "Info", "HEALTH_CHECK" },
}

correlator.initialize()
authenticator.initialize({ owner = Owner })
router.initialize()
registry.initialize(PROCESS_INFO)
health.initialize()
BattleRNG.initGlobalRNG("security:" .. tostring(ao.id))

local function add(action, fn)
  local wrapped = errorHandler.wrap(action, fn)
  router.register(action, wrapped)
  Handlers.add(action, Handlers.utils.hasMatchingTag("Action", action), wrapped)
end

-- Info replies through Handlers.utils.reply (the older idiom), keys sorted by the codec
Handlers.add("Info", Handlers.utils.hasMatchingTag("Action", "Info"), function(msg)
  health.observe(msg)
  local body = { name = PROCESS_INFO.name, version = PROCESS_INFO.version, description = PROCESS_INFO.description,
    actions = PROCESS_INFO.actions, peers = registry.list(), violations = violations.total() }
  Handlers.utils.reply(codec.encode(body))(msg)
end)

Handlers.add("HEALTH_CHECK", Handlers.utils.hasMatchingTag("Action", "HEALTH_CHECK"), function(msg)
  healthHandler.healthCheck(msg, function()
    return { violations = violations.total(), flaggedPlayers = #violations.summary() }
  end)
end)

add("VALIDATE_STATE", validationHandlers.validateState)
add("VALIDATE_ACTION", validationHandlers.validateAction)
add("VALIDATE_DAMAGE", validationHandlers.validateDamage)
add("REPORT_VIOLATION", violationHandlers.report)
add("GET_VIOLATIONS", violationHandlers.list)
add("REGISTER_PROCESS", registrationHandlers.register)

-- admin broadcasts: logged, never answered (a reply would echo to every process)
local logger = require("game-logic.utils.logger")
Handlers.add("ADMIN_NOTICE", Handlers.utils.hasMatchingTag("Action", "ADMIN_NOTICE"), function(msg)
  health.observe(msg)
  logger.info("admin", msg.Data, tonumber(msg.Timestamp))
end)

if TEST_MODE then
  SecurityTestHooks = {
    violations = violations,
    dump = function() return json.encode({ total = violations.total(), summary = violations.summary() }) end,
    reset = function()
      violations.reset()
      require("security.components.progress-validator").reset()
      require("security.components.rate-limiter").reset()
    end,
  }
end
