-- EGG_PURCHASE / EGG_LIST / EGG_HATCH.
local eggGacha = require("economy.components.egg-gacha")
local wallet = require("economy.components.wallet")
local receipts = require("economy.components.receipt-log")
local response = require("game-logic.utils.response")
local timeUtils = require("game-logic.utils.time-utils")

local M = {}

function M.purchase(msg, data)
  local tierName = data.tier or "common"
  local tier = eggGacha.TIERS[tierName]
  if not tier then return response.error(msg, "INVALID_VALUE", "tier must be common, rare or epic") end
  local ts = timeUtils.timestampOf(msg)
  if #eggGacha.of(msg.From) >= eggGacha.MAX_EGGS then
    return response.error(msg, "LIMIT_EXCEEDED", "at most " .. eggGacha.MAX_EGGS .. " eggs at once")
  end
  local balance, shortfall = wallet.debit(msg.From, tier.price, "egg", ts)
  if not balance then
    return response.error(msg, "INSUFFICIENT_FUNDS", "needs " .. tier.price .. ", short by " .. shortfall)
  end
  local egg = eggGacha.add(msg.From, tierName, ts)
  local receipt = receipts.issue("egg", msg.From, tierName, 1, tier.price, ts)
  return response.ok(msg, { egg = egg, balance = balance, receipt = receipt.id })
end

function M.list(msg)
  return response.ok(msg, { eggs = eggGacha.view(msg.From, timeUtils.timestampOf(msg)) })
end

function M.hatch(msg, data)
  -- an egg is named by its id, or by its position in EGG_LIST (1 = oldest)
  local eggId = data.eggId
  if eggId == nil and math.tointeger(data.index) then
    local egg = eggGacha.of(msg.From)[math.tointeger(data.index)]
    eggId = egg and egg.id or ("#" .. tostring(data.index))
  end
  if type(eggId) ~= "string" then return response.error(msg, "MISSING_FIELD", "eggId or index") end
  local result, code, text = eggGacha.hatch(msg.From, eggId, timeUtils.timestampOf(msg))
  if not result then return response.error(msg, code, text) end
  return response.ok(msg, { hatched = result, remaining = #eggGacha.of(msg.From) })
end

return M
