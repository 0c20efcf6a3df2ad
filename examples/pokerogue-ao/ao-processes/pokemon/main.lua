-- Pokemon process: creates, stores and grows the players' creatures (party and box),
-- captures, evolution, learning moves and experience from battles.
local ok, json = pcall(require, "json")
if not ok then
  -- Inline JSON fallback for hosts without the json module (quotes and backslashes only).
  json = {}
  local function escapeStr(s)
    s = s:gsub("\\", "\\\\"):gsub('"', '\\"')
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
local store = require("pokemon.components.pokemon-store")
local peers = require("pokemon.components.peer-registry")
local creationHandler = require("pokemon.handlers.creation-handler")
local queryHandler = require("pokemon.handlers.query-handler")
local partyHandler = require("pokemon.handlers.party-handler")
local experienceHandler = require("pokemon.handlers.experience-handler")
local evolutionHandler = require("pokemon.handlers.evolution-handler")
local captureHandler = require("pokemon.handlers.capture-handler")
local moveHandler = require("pokemon.handlers.move-handler")
local coordinationHandler = require("pokemon.handlers.coordination-handler")
local itemHandler = require("pokemon.handlers.item-handler")
local boxHandler = require("pokemon.handlers.box-handler")
local transferHandler = require("pokemon.handlers.transfer-handler")
local careHandler = require("pokemon.handlers.care-handler")
local tradeHandler = require("pokemon.handlers.trade-handler")

correlator.initialize()
authenticator.initialize({ owner = Owner })
router.initialize()
BattleRNG.initGlobalRNG("pokemon:" .. tostring(ao.id))

local PokemonProcessInfo = {
  name = "pokerogue-pokemon",
  version = "1.4.0",
  role = "pokemon",
  processId = ao.id,
  actions = {
    "BOX_DEPOSIT", "BOX_WITHDRAW", "CAPTURE_ATTEMPT", "CREATE_POKEMON", "EVOLVE", "EXPORT_PARTY",
    "GAIN_EXPERIENCE", "GET_LEARNABLE", "GET_PARTY", "GET_POKEDEX", "GET_POKEMON", "GET_STATS",
    "HEALTH_CHECK", "HEAL_PARTY", "IMPORT_POKEMON", "Info", "LEARN_MOVE", "PARTY_RELEASE",
    "PARTY_SWAP", "POKEMON_COORDINATION", "RENAME", "SET_HELD_ITEM", "TRADE_ACCEPT", "TRADE_CANCEL",
    "TRADE_LIST", "TRADE_OFFER", "USE_ITEM", "VALIDATE_POKEMON"
  },
}

-- Errors become INTERNAL_ERROR replies with a fixed text; the detail is kept for debugging.
LAST_HANDLER_ERROR = nil
local function addHandler(action, fn)
  router.register(action, fn)
  Handlers.add(action, Handlers.utils.hasMatchingTag("Action", action), function(msg)
    local okCall, err = pcall(fn, msg)
    if not okCall then
      LAST_HANDLER_ERROR = tostring(err)
      response.error(msg, "INTERNAL_ERROR", action .. " failed")
    end
  end)
end

addHandler("CREATE_POKEMON", creationHandler.handle)
addHandler("GET_POKEMON", queryHandler.getPokemon)
addHandler("GET_PARTY", queryHandler.getParty)
addHandler("PARTY_SWAP", partyHandler.swap)
addHandler("PARTY_RELEASE", partyHandler.release)
addHandler("GAIN_EXPERIENCE", experienceHandler.handle)
addHandler("EVOLVE", evolutionHandler.handle)
addHandler("CAPTURE_ATTEMPT", captureHandler.handle)
addHandler("LEARN_MOVE", moveHandler.handle)
addHandler("POKEMON_COORDINATION", coordinationHandler.handle)
addHandler("USE_ITEM", itemHandler.useItem)
addHandler("SET_HELD_ITEM", itemHandler.setHeldItem)
addHandler("BOX_DEPOSIT", boxHandler.deposit)
addHandler("BOX_WITHDRAW", boxHandler.withdraw)
addHandler("GET_POKEDEX", boxHandler.getPokedex)
addHandler("IMPORT_POKEMON", transferHandler.importPokemon)
addHandler("EXPORT_PARTY", transferHandler.exportParty)
addHandler("VALIDATE_POKEMON", transferHandler.validatePokemon)
addHandler("RENAME", transferHandler.rename)
addHandler("GET_STATS", careHandler.getStats)
addHandler("GET_LEARNABLE", careHandler.getLearnable)
addHandler("HEAL_PARTY", careHandler.healParty)
addHandler("TRADE_OFFER", tradeHandler.offer)
addHandler("TRADE_ACCEPT", tradeHandler.accept)
addHandler("TRADE_CANCEL", tradeHandler.cancel)
addHandler("TRADE_LIST", tradeHandler.list)

Handlers.add("Info", Handlers.utils.hasMatchingTag("Action", "Info"), function(msg)
  Handlers.utils.reply(json.encode(PokemonProcessInfo))(msg)
end)

Handlers.add("HEALTH_CHECK", Handlers.utils.hasMatchingTag("Action", "HEALTH_CHECK"), function(msg)
  local stats = store.stats()
  msg.reply({
    Action = "HEALTH_CHECK-Response",
    Data = json.encode({ status = "healthy", process = "pokemon", creatures = stats.live, players = stats.players,
      peers = #peers.list(), routes = #router.actions() }),
  })
end)

if _G.TEST_MODE then
  PokemonProcess = { store = store, peers = peers, info = PokemonProcessInfo }
end
