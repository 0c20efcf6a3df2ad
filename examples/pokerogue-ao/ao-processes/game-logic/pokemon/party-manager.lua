-- Party rules: at most six members, swap two slots, release one (never the last member,
-- never the last one still able to battle).
require("data.constants.game-constants")

local M = {}

function M.size(party)
  return #party
end

function M.isFull(party)
  return #party >= GameConstants.MAX_PARTY_SIZE
end

function M.add(party, pokemon)
  if M.isFull(party) then return false, "PARTY_FULL" end
  party[#party + 1] = pokemon
  return true, #party
end

local function validIndex(party, i)
  return math.type(i) == "integer" and i >= 1 and i <= #party
end

function M.swap(party, i, j)
  if not validIndex(party, i) or not validIndex(party, j) then return false, "INVALID_SLOT" end
  if i == j then return false, "SAME_SLOT" end
  party[i], party[j] = party[j], party[i]
  return true
end

function M.healthyCount(party)
  local n = 0
  for _, p in ipairs(party) do
    if p.currentHp > 0 then n = n + 1 end
  end
  return n
end

--- Removes slot i and returns the released creature.
function M.release(party, i)
  if not validIndex(party, i) then return nil, "INVALID_SLOT" end
  if #party <= 1 then return nil, "LAST_MEMBER" end
  if party[i].currentHp > 0 and M.healthyCount(party) <= 1 then return nil, "LAST_HEALTHY_MEMBER" end
  return table.remove(party, i)
end

function M.firstHealthy(party)
  for i, p in ipairs(party) do
    if p.currentHp > 0 then return p, i end
  end
  return nil
end

function M.indexOf(party, uid)
  for i, p in ipairs(party) do
    if p.uid == uid then return i end
  end
  return nil
end

return M
