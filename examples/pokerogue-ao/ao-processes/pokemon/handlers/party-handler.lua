-- PARTY_SWAP and PARTY_RELEASE: reorder the sender's party, or release one member
-- (never the last one, never the last one able to battle).
local codec = require("game-logic.utils.json-codec")
local partyManager = require("game-logic.pokemon.party-manager")
local store = require("pokemon.components.pokemon-store")
local serializer = require("pokemon.components.pokemon-serializer")

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

local function replyParty(msg, action, extra)
  local payload = mergeTables({ party = serializer.party(store.party(msg.From)) }, extra)
  msg.reply({ Action = action .. "-Response", Data = codec.encode({ ok = true, data = payload }) })
  return payload
end

function M.swap(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return errorReply(msg, "INVALID_JSON", err) end
  local from, to = math.tointeger(data.from), math.tointeger(data.to)
  local ok, code = partyManager.swap(store.party(msg.From), from, to)
  if not ok then return errorReply(msg, code, "cannot swap those slots") end
  return replyParty(msg, "PARTY_SWAP", { swapped = { from, to } })
end

function M.release(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return errorReply(msg, "INVALID_JSON", err) end
  local party = store.party(msg.From)
  local slot = math.tointeger(data.slot)
  if slot == nil and type(data.uid) == "string" then slot = partyManager.indexOf(party, data.uid) end
  local released, code = partyManager.release(party, slot)
  if released == nil then return errorReply(msg, code, "cannot release that member") end
  store.forget(released)
  return replyParty(msg, "PARTY_RELEASE", { released = deepCopy(serializer.brief(released, slot)) })
end

return M
