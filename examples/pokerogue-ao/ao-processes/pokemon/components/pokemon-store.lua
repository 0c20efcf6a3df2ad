-- Creatures per player: a party (at most six, in slot order) and a storage box for the rest.
-- Uids come from a per-process counter, so the same message sequence gives the same ids.
local partyManager = require("game-logic.pokemon.party-manager")

local M = {}

local players = {}
local byUid = {}
local nextSeq = 0
local createdCount = 0

function M.reset()
  players = {}
  byUid = {}
  nextSeq = 0
  createdCount = 0
end

local function playerOf(playerId)
  local p = players[playerId]
  if p == nil then
    p = { party = {}, box = {} }
    players[playerId] = p
  end
  return p
end

--- Stores a new creature for a player; returns the record and "party" or "box".
function M.add(playerId, record)
  nextSeq = nextSeq + 1
  createdCount = createdCount + 1
  record.uid = string.format("pkm-%06d", nextSeq)
  record.owner = playerId
  byUid[record.uid] = record
  local p = playerOf(playerId)
  if partyManager.add(p.party, record) then return record, "party" end
  p.box[#p.box + 1] = record
  return record, "box"
end

function M.get(uid)
  return byUid[uid]
end

--- The record when `playerId` owns it, else nil and an error code.
function M.owned(playerId, uid)
  local record = type(uid) == "string" and byUid[uid] or nil
  if record == nil then return nil, "POKEMON_NOT_FOUND" end
  if record.owner ~= playerId then return nil, "NOT_OWNER" end
  return record
end

function M.party(playerId)
  return playerOf(playerId).party
end

function M.box(playerId)
  return playerOf(playerId).box
end

--- Removes a creature from the store (after a party release).
function M.forget(record)
  byUid[record.uid] = nil
end

function M.playerCount()
  local n = 0
  for _ in pairs(players) do n = n + 1 end
  return n
end

function M.stats()
  local live = 0
  for _ in pairs(byUid) do live = live + 1 end
  return { created = createdCount, live = live, players = M.playerCount() }
end

return M
