-- Per-player pokedex: species seen and caught. Creation and capture record entries; evolution
-- records the evolved species as caught. Lists are sorted by species id.
local speciesDb = require("data.species.species-database")

local M = {}

local dex = {}

function M.reset()
  dex = {}
end

local function entryOf(playerId)
  local d = dex[playerId]
  if d == nil then
    d = { seen = {}, caught = {} }
    dex[playerId] = d
  end
  return d
end

function M.markSeen(playerId, speciesId)
  entryOf(playerId).seen[speciesId] = true
end

function M.markCaught(playerId, speciesId)
  local d = entryOf(playerId)
  d.seen[speciesId] = true
  d.caught[speciesId] = true
end

local function sortedIds(set)
  local out = {}
  for id in pairs(set) do out[#out + 1] = id end
  table.sort(out)
  return out
end

--- {seen, caught, total, completion (percent of species caught), caughtList}
function M.summary(playerId)
  local d = entryOf(playerId)
  local caught = sortedIds(d.caught)
  local seen = sortedIds(d.seen)
  local total = speciesDb.count()
  local list = {}
  for i, id in ipairs(caught) do
    local s = speciesDb.get(id)
    list[i] = { id = id, name = s.name, types = s.types }
  end
  return {
    seen = #seen,
    caught = #caught,
    total = total,
    completion = #caught * 100 // total,
    caughtList = list,
    seenOnly = (function()
      local out = {}
      for _, id in ipairs(seen) do
        if not d.caught[id] then out[#out + 1] = id end
      end
      return out
    end)(),
  }
end

return M
