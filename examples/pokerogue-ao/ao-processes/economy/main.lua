-- Economy process: shop, balances, inventory and berries.

local ok, json = pcall(require, "json")
if not ok then
  -- inline fallback for hosts without aos's json (local emulators); escapes \n \r (tabs pass through)
  json = {}
  local function escape(s)
    s = s:gsub("\\", "\\\\"):gsub('"', '\\"')
    s = s:gsub("\n", "\\n"):gsub("\r", "\\r")
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
local registrationHandler = require("handlers.registration-handler")
local shopHandlers = require("economy.handlers.shop-handlers")
local balanceHandlers = require("economy.handlers.balance-handlers")
local inventoryHandlers = require("economy.handlers.inventory-handlers")
local berryHandlers = require("economy.handlers.berry-handlers")
local eggHandlers = require("economy.handlers.egg-handlers")
local wallet = require("economy.components.wallet")
local receipts = require("economy.components.receipt-log")
local berryManager = require("economy.components.berry-manager")
ShopRNG = require("economy.components.battle-rng")
BattleRNG = require("game-logic.rng.battle-rng")

PROCESS_INFO = {
  name = "economy",
  version = protocol.VERSION,
  description = "Shop, balances, inventory and berries",
  actions = { "SHOP_LIST", "SHOP_PURCHASE", "SHOP_SELL", "GET_BALANCE", "ADD_FUNDS", "BERRY_ACTIVATE",
    "INVENTORY_GET", "INVENTORY_USE", "EGG_PURCHASE", "EGG_LIST", "EGG_HATCH", "SESSION_NOTIFY", "REGISTER_PROCESS", "Info", "HEALTH_CHECK" },
}

correlator.initialize()
authenticator.initialize({ owner = Owner })
router.initialize()
registry.initialize(PROCESS_INFO)
health.initialize()
-- the economy's drifted RNG copy takes (seed, timestamp); see README, planted duplication 2
ShopRNG.initGlobalRNG("economy:" .. tostring(ao.id), 0)
BattleRNG.initGlobalRNG("economy:" .. tostring(ao.id))

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
    return { wallets = wallet.playerCount(), receipts = receipts.count(), berriesEaten = berryManager.activations() }
  end)
end)

add("SHOP_LIST", shopHandlers.list)
add("SHOP_PURCHASE", shopHandlers.purchase)
add("SHOP_SELL", shopHandlers.sell)
add("GET_BALANCE", balanceHandlers.balance)
add("ADD_FUNDS", balanceHandlers.addFunds)
add("SESSION_NOTIFY", balanceHandlers.sessionNotify)
add("INVENTORY_GET", inventoryHandlers.get)
add("INVENTORY_USE", inventoryHandlers.use)
add("BERRY_ACTIVATE", berryHandlers.activate)
add("EGG_PURCHASE", eggHandlers.purchase)
add("EGG_LIST", eggHandlers.list)
add("EGG_HATCH", eggHandlers.hatch)
add("REGISTER_PROCESS", registrationHandler.register)

-- admin broadcasts: acknowledged, nothing else to do here
Handlers.add("ADMIN_NOTICE", Handlers.utils.hasMatchingTag("Action", "ADMIN_NOTICE"), function(msg)
  health.observe(msg)
end)

if TEST_MODE then
  EconomyTestHooks = {
    wallet = wallet,
    inventory = require("economy.components.inventory-store"),
    reset = function()
      wallet.reset()
      receipts.reset()
      require("economy.components.inventory-store").reset()
    end,
  }
end
