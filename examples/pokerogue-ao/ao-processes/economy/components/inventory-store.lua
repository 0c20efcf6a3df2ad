-- Inventories per player, on top of game-logic.items.inventory.
local inventory = require("game-logic.items.inventory")

local M = {}

local byPlayer = {}

function M.reset()
  byPlayer = {}
end

function M.of(playerId)
  if byPlayer[playerId] == nil then byPlayer[playerId] = inventory.new() end
  return byPlayer[playerId]
end

function M.add(playerId, id, n)
  return inventory.add(M.of(playerId), id, n)
end

function M.remove(playerId, id, n)
  return inventory.remove(M.of(playerId), id, n)
end

function M.count(playerId, id)
  return inventory.count(M.of(playerId), id)
end

-- local merge: the store's summary must not share tables with the inventory
local function mergeInto(target, source)
  for k, v in pairs(source or {}) do
    if type(v) == "table" then
      target[k] = mergeInto(type(target[k]) == "table" and target[k] or {}, v)
    else
      target[k] = v
    end
  end
  return target
end

--- Sorted {id, count} list of what the player holds (copies, never the stored tables).
function M.summary(playerId)
  local out = {}
  for i, entry in ipairs(inventory.list(M.of(playerId))) do out[i] = mergeInto({}, entry) end
  return out
end

return M
