-- Player balances. A wallet opens with the starting money on first use; every change is logged.
require("data.constants.game-constants")

local M = {}

local balances = {}
local ledger = {}

M.MAX_BALANCE = 9999999

local function startingMoney()
  return (GameConstants and GameConstants.START_MONEY) or 3000
end

function M.reset()
  balances, ledger = {}, {}
end

function M.balance(playerId)
  if balances[playerId] == nil then balances[playerId] = startingMoney() end
  return balances[playerId]
end

function M.set(playerId, amount)
  balances[playerId] = math.max(0, math.min(M.MAX_BALANCE, math.floor(amount)))
  return balances[playerId]
end

local function record(playerId, delta, reason, ts)
  ledger[#ledger + 1] = { playerId = playerId, delta = delta, reason = reason, ts = ts or 0 }
  if #ledger > 500 then table.remove(ledger, 1) end
end

--- Debits amount; returns the new balance or nil and the shortfall.
function M.debit(playerId, amount, reason, ts)
  local current = M.balance(playerId)
  if amount > current then return nil, amount - current end
  balances[playerId] = current - amount
  record(playerId, -amount, reason, ts)
  return balances[playerId]
end

--- Credits amount (capped at MAX_BALANCE); returns the new balance.
function M.credit(playerId, amount, reason, ts)
  local current = M.balance(playerId)
  balances[playerId] = math.min(M.MAX_BALANCE, current + amount)
  record(playerId, amount, reason, ts)
  return balances[playerId]
end

function M.history(playerId, n)
  local out = {}
  for i = #ledger, 1, -1 do
    if ledger[i].playerId == playerId then out[#out + 1] = ledger[i] end
    if #out >= (n or 10) then break end
  end
  return out
end

function M.playerCount()
  local n = 0
  for _ in pairs(balances) do n = n + 1 end
  return n
end

return M
