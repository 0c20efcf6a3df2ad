-- LEGACY (single-process era): save/load and game settings in one handler module.
-- Replaced by coordinator.handlers.save-handlers and the admin process; unreachable now.
local codec = require("game-logic.utils.json-codec")
local cryptoRng = require("game-logic.rng.crypto-rng")

local GameManagementHandler = {}

local saves = {}
local settings = { difficulty = "normal", expMultiplier = 1 }

local function deepCopy(t)
  if type(t) ~= "table" then return t end
  local r = {}
  for k, v in pairs(t) do r[k] = deepCopy(v) end
  return r
end

local function mergeTables(a, b)
  local r = deepCopy(a)
  for k, v in pairs(b or {}) do
    if type(v) == "table" and type(r[k]) == "table" then r[k] = mergeTables(r[k], v) else r[k] = v end
  end
  return r
end

local function errorResponse(code, message)
  return { success = false, errorCode = code, message = message }
end

function GameManagementHandler.save(playerId, slot, state)
  if type(state) ~= "table" then return errorResponse("INVALID_STATE", "state must be a table") end
  saves[playerId] = saves[playerId] or {}
  local text = codec.encode(state)
  saves[playerId][slot] = { text = text, checksum = cryptoRng.hash(text) }
  return { success = true, checksum = saves[playerId][slot].checksum }
end

function GameManagementHandler.load(playerId, slot)
  local entry = saves[playerId] and saves[playerId][slot]
  if not entry then return errorResponse("NOT_FOUND", "empty slot") end
  if cryptoRng.hash(entry.text) ~= entry.checksum then return errorResponse("CORRUPT", "checksum mismatch") end
  return { success = true, state = codec.decode(entry.text) }
end

function GameManagementHandler.updateSettings(changes)
  settings = mergeTables(settings, changes)
  return { success = true, settings = deepCopy(settings) }
end

return GameManagementHandler
