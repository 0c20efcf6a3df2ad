-- Receipts for purchases and sales: hash-based ids, bounded log.
local cryptoRng = require("game-logic.rng.crypto-rng")

local M = {}

local receipts = {}
local total = 0

function M.reset()
  receipts, total = {}, 0
end

function M.issue(kind, playerId, itemId, qty, amount, ts)
  total = total + 1
  local receipt = {
    id = cryptoRng.generateId("rcpt", playerId .. ":" .. tostring(itemId) .. ":" .. tostring(ts)),
    kind = kind, playerId = playerId, itemId = itemId, quantity = qty, amount = amount, ts = ts,
  }
  receipts[#receipts + 1] = receipt
  if #receipts > 200 then table.remove(receipts, 1) end
  return receipt
end

function M.count()
  return total
end

return M
