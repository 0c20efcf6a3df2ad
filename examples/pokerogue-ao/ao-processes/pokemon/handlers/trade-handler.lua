-- TRADE_OFFER {to, uid}, TRADE_ACCEPT {offerId, uid}, TRADE_CANCEL {offerId}, TRADE_LIST {}:
-- player-to-player trades through pokemon.components.trade-desk.
local codec = require("game-logic.utils.json-codec")
local response = require("game-logic.utils.response")
local tradeDesk = require("pokemon.components.trade-desk")
local pokedex = require("pokemon.components.pokedex")
local serializer = require("pokemon.components.pokemon-serializer")

local M = {}

local function decode(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then response.error(msg, "INVALID_JSON", err) end
  return data
end

function M.offer(msg)
  local data = decode(msg)
  if data == nil then return nil end
  local offer, code = tradeDesk.offer(msg.From, data.to, data.uid, tonumber(msg.Timestamp) or 0)
  if offer == nil then return response.error(msg, code, "cannot offer that trade") end
  return response.ok(msg, { offerId = offer.id, to = offer.to, uid = offer.uid })
end

function M.accept(msg)
  local data = decode(msg)
  if data == nil then return nil end
  local offer, received, given = tradeDesk.accept(data.offerId, msg.From, data.uid, tonumber(msg.Timestamp) or 0)
  if offer == nil then return response.error(msg, received, "cannot complete that trade") end
  pokedex.markCaught(msg.From, received.speciesId)
  pokedex.markCaught(offer.from, given.speciesId)
  return response.ok(msg, { offerId = offer.id, received = serializer.brief(received, 0), given = serializer.brief(given, 0) })
end

function M.cancel(msg)
  local data = decode(msg)
  if data == nil then return nil end
  local offer, code = tradeDesk.cancel(data.offerId, msg.From)
  if offer == nil then return response.error(msg, code, "cannot cancel that offer") end
  return response.ok(msg, { offerId = offer.id, status = offer.status })
end

function M.list(msg)
  local data = decode(msg)
  if data == nil then return nil end
  return response.ok(msg, { offers = tradeDesk.listFor(msg.From) })
end

return M
