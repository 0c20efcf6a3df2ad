-- GET_BALANCE / ADD_FUNDS / SESSION_NOTIFY.
local wallet = require("economy.components.wallet")
local response = require("game-logic.utils.response")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local registry = require("game-logic.process-coordination.process-registry")
local timeUtils = require("game-logic.utils.time-utils")

local M = {}

M.MAX_GRANT = 100000

function M.balance(msg, data)
  local player = msg.From
  if data.playerId and data.playerId ~= msg.From then
    if not authenticator.isAuthorized(msg) then
      return response.error(msg, "UNAUTHORIZED", "cannot read another player's balance")
    end
    player = data.playerId
  end
  return response.ok(msg, { playerId = player, balance = wallet.balance(player), recent = wallet.history(player, 5) })
end

--- Owner, coordinator or battle (battle rewards) only.
function M.addFunds(msg, data)
  local allowed = authenticator.isOwner(msg) or authenticator.isAuthorized(msg, "coordinator")
    or authenticator.isAuthorized(msg, "battle")
  if not allowed then return response.error(msg, "UNAUTHORIZED", "ADD_FUNDS needs the owner or a registered process") end
  if type(data.playerId) ~= "string" or data.playerId == "" then
    return response.error(msg, "MISSING_FIELD", "playerId")
  end
  local amount = math.tointeger(tonumber(data.amount))
  if amount == nil or amount <= 0 then return response.error(msg, "INVALID_VALUE", "amount must be a positive integer") end
  if amount > M.MAX_GRANT then return response.error(msg, "LIMIT_EXCEEDED", "at most " .. M.MAX_GRANT .. " at once") end
  local balance = wallet.credit(data.playerId, amount, data.reason or "grant", timeUtils.timestampOf(msg))
  return response.ok(msg, { playerId = data.playerId, balance = balance })
end

--- Session start from the coordinator: the wallet opens with the session's money.
function M.sessionNotify(msg, data)
  if registry.nameOf(msg.From) ~= "coordinator" and not authenticator.isOwner(msg) then
    return response.error(msg, "UNAUTHORIZED", "only the coordinator notifies sessions")
  end
  if data.event == "start" and type(data.playerId) == "string" and tonumber(data.money) then
    wallet.set(data.playerId, tonumber(data.money))
  end
  return response.ok(msg, { acknowledged = true })
end

return M
