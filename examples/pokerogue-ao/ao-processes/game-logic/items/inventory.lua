-- Inventory rules: known items only, stacks of at most MAX_STACK, no negative counts.
local items = require("data.items.item-database")
local berries = require("data.items.berry-database")
require("data.constants.game-constants")

local M = {}

function M.isKnownItem(id)
  return items.get(id) ~= nil or berries.get(id) ~= nil
end

function M.new()
  return { counts = {} }
end

function M.count(inv, id)
  return inv.counts[id] or 0
end

--- Adds n of an item; fails on unknown items and on overflowing the stack limit.
function M.add(inv, id, n)
  n = n or 1
  if not M.isKnownItem(id) then return false, "UNKNOWN_ITEM" end
  if math.type(n) ~= "integer" or n <= 0 then return false, "INVALID_QUANTITY" end
  local after = M.count(inv, id) + n
  if after > GameConstants.MAX_STACK then return false, "STACK_LIMIT" end
  inv.counts[id] = after
  return true, after
end

function M.remove(inv, id, n)
  n = n or 1
  if math.type(n) ~= "integer" or n <= 0 then return false, "INVALID_QUANTITY" end
  local have = M.count(inv, id)
  if have < n then return false, "NOT_ENOUGH_ITEMS" end
  inv.counts[id] = have - n
  if inv.counts[id] == 0 then inv.counts[id] = nil end
  return true, have - n
end

--- Sorted {id, count} list for replies.
function M.list(inv)
  local ids = {}
  for id in pairs(inv.counts) do ids[#ids + 1] = id end
  table.sort(ids)
  local out = {}
  for i, id in ipairs(ids) do out[i] = { id = id, count = inv.counts[id] } end
  return out
end

return M
