-- Trades between players: one offers a creature for a specific other player, that player
-- answers with one of theirs, and the creatures swap owners atomically. Offers expire after
-- TTL_MS (measured on msg.Timestamp). Offer ids come from a counter.
local partyManager = require("game-logic.pokemon.party-manager")
local store = require("pokemon.components.pokemon-store")

local M = {}

M.TTL_MS = 3600000
M.MAX_OPEN_PER_PLAYER = 3

local offers = {}
local nextId = 0

function M.reset()
  offers = {}
  nextId = 0
end

local function openCount(playerId)
  local n = 0
  for _, o in pairs(offers) do
    if o.from == playerId and o.status == "open" then n = n + 1 end
  end
  return n
end

local function isOffered(uid)
  for _, o in pairs(offers) do
    if o.status == "open" and o.uid == uid then return true end
  end
  return false
end

--- Creates an offer; returns it or nil, error code.
function M.offer(fromId, toId, uid, now)
  if type(toId) ~= "string" or toId == "" or toId == fromId then return nil, "INVALID_PARTNER" end
  local record, code = store.owned(fromId, uid)
  if record == nil then return nil, code end
  if isOffered(uid) then return nil, "ALREADY_OFFERED" end
  if openCount(fromId) >= M.MAX_OPEN_PER_PLAYER then return nil, "TOO_MANY_OFFERS" end
  nextId = nextId + 1
  local offer = { id = string.format("trade-%04d", nextId), from = fromId, to = toId, uid = uid,
    createdAt = now, status = "open" }
  offers[offer.id] = offer
  return offer
end

--- Moves a record from one player's party/box to another's (party first, box when full).
local function transfer(record, toId)
  local fromParty = store.party(record.owner)
  local index = partyManager.indexOf(fromParty, record.uid)
  if index then
    table.remove(fromParty, index)
  else
    local box = store.box(record.owner)
    for i, r in ipairs(box) do
      if r.uid == record.uid then table.remove(box, i) break end
    end
  end
  record.owner = toId
  if not partyManager.add(store.party(toId), record) then
    local box = store.box(toId)
    box[#box + 1] = record
  end
end

--- The partner accepts with one of their creatures; the two swap owners.
function M.accept(offerId, byId, uid, now)
  local offer = offers[offerId]
  if offer == nil then return nil, "OFFER_NOT_FOUND" end
  if offer.status ~= "open" then return nil, "OFFER_CLOSED" end
  if offer.to ~= byId then return nil, "NOT_YOUR_OFFER" end
  if now - offer.createdAt > M.TTL_MS then
    offer.status = "expired"
    return nil, "OFFER_EXPIRED"
  end
  local mine, code = store.owned(byId, uid)
  if mine == nil then return nil, code end
  local theirs = store.get(offer.uid)
  if theirs == nil or theirs.owner ~= offer.from then
    offer.status = "cancelled"
    return nil, "OFFER_STALE"
  end
  -- Neither side may be left without a member able to battle.
  local function leavesNoHealthy(ownerId, record)
    local party = store.party(ownerId)
    return partyManager.indexOf(party, record.uid) and record.currentHp > 0 and partyManager.healthyCount(party) <= 1
  end
  if leavesNoHealthy(offer.from, theirs) or leavesNoHealthy(byId, mine) then return nil, "LAST_HEALTHY_MEMBER" end
  transfer(theirs, byId)
  transfer(mine, offer.from)
  offer.status = "completed"
  offer.receivedUid = uid
  return offer, theirs, mine
end

function M.cancel(offerId, byId)
  local offer = offers[offerId]
  if offer == nil then return nil, "OFFER_NOT_FOUND" end
  if offer.from ~= byId then return nil, "NOT_YOUR_OFFER" end
  if offer.status ~= "open" then return nil, "OFFER_CLOSED" end
  offer.status = "cancelled"
  return offer
end

--- Open offers made by or to a player, sorted by id.
function M.listFor(playerId)
  local out = {}
  for _, o in pairs(offers) do
    if o.status == "open" and (o.from == playerId or o.to == playerId) then
      out[#out + 1] = { id = o.id, from = o.from, to = o.to, uid = o.uid, createdAt = o.createdAt }
    end
  end
  table.sort(out, function(a, b) return a.id < b.id end)
  return out
end

return M
