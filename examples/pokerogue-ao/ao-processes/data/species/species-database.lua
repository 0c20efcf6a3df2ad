-- Species index over the generated parts: lookup by id or name.
local parts = {
  require("data.species.species-part-1"),
  require("data.species.species-part-2"),
  require("data.species.species-part-3"),
  require("data.species.species-part-4"),
}

local M = {}

local byId = {}
local byName = {}
local total = 0

for _, part in ipairs(parts) do
  for _, species in ipairs(part.species) do
    byId[species.id] = species
    byName[string.lower(species.name)] = species
    total = total + 1
  end
end

function M.get(id)
  return byId[tonumber(id)]
end

function M.getByName(name)
  if type(name) ~= "string" then return nil end
  return byName[string.lower(name)]
end

function M.count()
  return total
end

function M.ids()
  local out = {}
  for i = 1, total do
    if byId[i] then out[#out + 1] = i end
  end
  return out
end

--- The species this one evolves from, walking back to the first stage.
function M.familyRoot(id)
  local s = byId[tonumber(id)]
  while s and s.evolvesFrom do
    s = byId[s.evolvesFrom]
  end
  return s
end

return M
