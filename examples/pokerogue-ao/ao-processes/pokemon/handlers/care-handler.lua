-- GET_STATS (stat breakdown), GET_LEARNABLE (moves to learn now and next) and HEAL_PARTY
-- (restore the sender's party; at most once per cooldown, measured on msg.Timestamp so replays
-- of the same messages give the same answers).
local codec = require("game-logic.utils.json-codec")
local response = require("game-logic.utils.response")
local factory = require("game-logic.pokemon.pokemon-factory")
local store = require("pokemon.components.pokemon-store")
local breakdown = require("pokemon.components.stat-breakdown")
local serializer = require("pokemon.components.pokemon-serializer")

local M = {}

M.HEAL_COOLDOWN_MS = 60000

local lastHeal = {}

local function ownedRecord(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return nil, response.error(msg, "INVALID_JSON", err) end
  local record, code = store.owned(msg.From, data.uid)
  if record == nil then return nil, response.error(msg, code, "no such creature for the sender") end
  return record
end

function M.getStats(msg)
  local record, replied = ownedRecord(msg)
  if record == nil then return replied end
  return response.ok(msg, breakdown.breakdown(record))
end

function M.getLearnable(msg)
  local record, replied = ownedRecord(msg)
  if record == nil then return replied end
  return response.ok(msg, breakdown.learnable(record))
end

function M.healParty(msg)
  local now = tonumber(msg.Timestamp) or 0
  local last = lastHeal[msg.From]
  if last ~= nil and now - last < M.HEAL_COOLDOWN_MS then
    return response.error(msg, "HEAL_COOLDOWN", "the party was healed less than a minute ago")
  end
  local party = store.party(msg.From)
  if #party == 0 then return response.error(msg, "EMPTY_PARTY", "no party to heal") end
  local healed = 0
  for _, record in ipairs(party) do
    if record.currentHp < record.stats.hp or record.status ~= "none" then healed = healed + 1 end
    factory.heal(record)
  end
  lastHeal[msg.From] = now
  return response.ok(msg, { healed = healed, party = serializer.party(party) })
end

return M
