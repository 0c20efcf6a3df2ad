-- Save slots per player with a checksum, so a tampered LOAD is detected.
local cryptoRng = require("game-logic.rng.crypto-rng")
local codec = require("game-logic.utils.json-codec")

local M = {}

M.MAX_SLOTS = 5
M.MAX_PARTY = 6

local saves = {}

-- local deep copy: saves must not alias the caller's tables
local function deepCopy(t)
  if type(t) ~= "table" then return t end
  local out = {}
  for k, v in pairs(t) do out[k] = deepCopy(v) end
  return out
end

function M.reset()
  saves = {}
end

local function checksum(state)
  return cryptoRng.hash(codec.encode(state))
end

--- Validates a save state; returns nil when fine, else a problem text.
function M.problem(state)
  if type(state) ~= "table" then return "state must be an object" end
  if type(state.wave) ~= "number" or state.wave < 1 then return "state.wave must be a positive number" end
  if type(state.money) ~= "number" or state.money < 0 then return "state.money must be >= 0" end
  if state.party ~= nil then
    if type(state.party) ~= "table" then return "state.party must be a list" end
    if #state.party > M.MAX_PARTY then return "party has more than " .. M.MAX_PARTY .. " members" end
    for i, member in ipairs(state.party) do
      if type(member) ~= "table" then return "party[" .. i .. "] must be an object" end
      -- species and stats are checked by the security process; here only the shape
      local id = member.speciesId
      if id ~= nil and (math.type(id) ~= "integer" or id < 1) then
        return "party[" .. i .. "] has an invalid species id " .. tostring(id)
      end
    end
  end
  return nil
end

function M.save(playerId, slot, state, ts)
  saves[playerId] = saves[playerId] or {}
  local copy = deepCopy(state)
  saves[playerId][slot] = { state = copy, checksum = checksum(copy), savedAt = ts or 0, slot = slot }
  return saves[playerId][slot]
end

--- Returns the saved state, or nil and a code.
function M.load(playerId, slot)
  local entry = saves[playerId] and saves[playerId][slot]
  if not entry then return nil, "NOT_FOUND" end
  if checksum(entry.state) ~= entry.checksum then return nil, "CHEAT_DETECTED" end
  return { state = deepCopy(entry.state), checksum = entry.checksum, savedAt = entry.savedAt, slot = slot }
end

function M.slots(playerId)
  local out = {}
  for slot in pairs(saves[playerId] or {}) do out[#out + 1] = slot end
  table.sort(out)
  return out
end

-- test hook only: corrupts a stored save so LOAD_GAME's checksum check can be exercised
function M._tamper(playerId, slot)
  local entry = saves[playerId] and saves[playerId][slot]
  if entry then entry.state.money = (entry.state.money or 0) + 999999 end
end

return M
