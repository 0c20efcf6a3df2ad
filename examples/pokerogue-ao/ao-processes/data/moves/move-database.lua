-- Move index over the generated parts: lookup by id or name.
local parts = {
  require("data.moves.moves-part-1"),
  require("data.moves.moves-part-2"),
  require("data.moves.moves-part-3"),
  require("data.moves.moves-part-4"),
}

local M = {}

local byId = {}
local byName = {}
local total = 0

for _, part in ipairs(parts) do
  for _, move in ipairs(part.moves) do
    byId[move.id] = move
    byName[string.lower(move.name)] = move
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

function M.isDamaging(move)
  return move ~= nil and move.category ~= "status" and (move.power or 0) > 0
end

return M
