-- CREATE_POKEMON: a new creature for the sender (species, level, optional nature/seed/held item).
-- New creatures join the party, or the box when the party is full.
local codec = require("game-logic.utils.json-codec")
local factory = require("game-logic.pokemon.pokemon-factory")
local inventory = require("game-logic.items.inventory")
local store = require("pokemon.components.pokemon-store")
local serializer = require("pokemon.components.pokemon-serializer")
local pokedex = require("pokemon.components.pokedex")

local M = {}

-- Local helpers (kept here so this handler has no extra dependencies).
local function deepCopy(value, seen)
  if type(value) ~= "table" then return value end
  seen = seen or {}
  if seen[value] then return seen[value] end
  local copy = {}
  seen[value] = copy
  for k, v in pairs(value) do
    copy[deepCopy(k, seen)] = deepCopy(v, seen)
  end
  return copy
end

local function mergeTables(base, extra)
  local out = {}
  for k, v in pairs(base or {}) do out[k] = v end
  for k, v in pairs(extra or {}) do out[k] = v end
  return out
end

local function errorReply(msg, code, text)
  msg.reply({
    Action = (msg.Tags and msg.Tags.Action or "Unknown") .. "-Error",
    Data = codec.encode({ error = true, code = code, message = text or code }),
  })
end

function M.handle(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return errorReply(msg, "INVALID_JSON", err) end
  local request = mergeTables({ level = 5, seed = tostring(msg.From) .. ":" .. tostring(msg.Timestamp) }, deepCopy(data))
  local speciesId = math.tointeger(tonumber(request.speciesId))
  if speciesId == nil then return errorReply(msg, "INVALID_SPECIES", "speciesId must be an integer") end
  if request.heldItem ~= nil and not inventory.isKnownItem(request.heldItem) then
    return errorReply(msg, "UNKNOWN_ITEM", "unknown held item")
  end
  local record, code = factory.create(speciesId, math.tointeger(tonumber(request.level)), {
    seed = request.seed,
    nature = request.nature,
    heldItem = request.heldItem,
  })
  if record == nil then return errorReply(msg, code, "cannot create creature") end
  local stored, location = store.add(msg.From, record)
  pokedex.markCaught(msg.From, stored.speciesId)
  msg.reply({
    Action = "CREATE_POKEMON-Response",
    Data = codec.encode({ ok = true, data = { pokemon = serializer.view(stored), location = location } }),
  })
  return stored
end

return M
