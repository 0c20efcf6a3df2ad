-- Economy rules: trade request parsing, berry triggers, wallet debits.
local T = require("tests.test-helpers")
local shopHandler = require("handlers.shop-handler")
local berryManager = require("economy.components.berry-manager")
local wallet = require("economy.components.wallet")

return T.run("economy", {
  parsesTradeRequests = function()
    local r = shopHandler.parseTradeRequest({ itemId = "potion", quantity = "3" })
    T.eq(r.quantity, 3, "quantity from text")
    local bad, err = shopHandler.parseTradeRequest({ itemId = "potion", quantity = 0 })
    T.eq(bad, nil, "zero refused"); T.eq(err.code, "INVALID_VALUE", "code")
  end,
  oranBerryTriggersAtHalfHp = function()
    local p, _, result, fired = berryManager.activate("oran-berry", { hp = 20, maxHp = 40 })
    T.eq(fired, true, "fires at 50%"); T.eq(p.hp, 30, "healed 10"); T.eq(result.healed, 10, "result")
    local _, _, why, notFired = berryManager.activate("oran-berry", { hp = 21, maxHp = 40 })
    T.eq(notFired, false, "not above 50%"); T.truthy(why:match("threshold"), "reason")
  end,
  statusBerryCuresOnlyItsStatus = function()
    local _, _, _, fired = berryManager.activate("rawst-berry", { hp = 20, maxHp = 40, status = "poison" })
    T.eq(fired, false, "rawst does not cure poison")
    local p = berryManager.activate("rawst-berry", { hp = 20, maxHp = 40, status = "burn" })
    T.eq(p.status, "none", "burn cured")
  end,
  walletRefusesOverdraft = function()
    wallet.reset()
    T.eq(wallet.balance("p"), GameConstants.START_MONEY, "starting money")
    local ok, short = wallet.debit("p", GameConstants.START_MONEY + 1, "test", 0)
    T.eq(ok, nil, "refused"); T.eq(short, 1, "shortfall")
  end,
})
