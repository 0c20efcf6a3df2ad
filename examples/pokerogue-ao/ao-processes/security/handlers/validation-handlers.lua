-- VALIDATE_STATE / VALIDATE_ACTION.
local statValidator = require("security.components.stat-validator")
local moveValidator = require("security.components.move-validator")
local damageAuditor = require("security.components.damage-auditor")
local progressValidator = require("security.components.progress-validator")
local violations = require("security.components.violation-log")
local rateLimiter = require("security.components.rate-limiter")
local validationHandler = require("handlers.validation-handler")
local response = require("game-logic.utils.response")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local timeUtils = require("game-logic.utils.time-utils")

local M = {}

-- the player checked is the sender, or data.playerId when a peer (coordinator) asks
local function subject(msg, data)
  if data.playerId and data.playerId ~= msg.From then
    if not authenticator.isAuthorized(msg) then return nil end
    return data.playerId
  end
  return msg.From
end

function M.validateState(msg, data)
  local player = subject(msg, data)
  if not player then return response.error(msg, "UNAUTHORIZED", "cannot validate another player's state") end
  local state = data.state
  if type(state) ~= "table" then return response.error(msg, "MISSING_FIELD", "state") end
  local problems = progressValidator.check(player, state, data.previousMoney)
  for i, pokemon in ipairs(type(state.party) == "table" and state.party or {}) do
    for _, p in ipairs(statValidator.check(pokemon, i)) do problems[#problems + 1] = p end
    for _, p in ipairs(moveValidator.check(pokemon, i)) do problems[#problems + 1] = p end
  end
  local ts = timeUtils.timestampOf(msg)
  if #problems > 0 then
    violations.record(player, "state", problems, msg.From, ts)
    return response.error(msg, "CHEAT_DETECTED", table.concat(problems, "; "))
  end
  progressValidator.accept(player, state)
  return response.ok(msg, { valid = true, playerId = player, checked = #(state.party or {}) })
end

function M.validateAction(msg, data)
  local player = subject(msg, data)
  if not player then return response.error(msg, "UNAUTHORIZED", "cannot validate another player's action") end
  if violations.isFlagged(player) then
    return response.error(msg, "UNAUTHORIZED", "player is flagged for repeated violations")
  end
  local ts = timeUtils.timestampOf(msg)
  local allowed, count = rateLimiter.allow(player, ts)
  if not allowed then
    violations.record(player, "rate", { "sent " .. count .. " actions in one window" }, msg.From, ts)
    return response.error(msg, "LIMIT_EXCEEDED", "too many actions in " .. rateLimiter.WINDOW_MS .. " ms")
  end
  local result = validationHandler.validateAction(data)
  if not result.valid then return response.error(msg, result.code, result.message) end
  return response.ok(msg, { allowed = true, action = result.action, windowCount = count })
end

--- VALIDATE_DAMAGE: {attacker, defender (creature specs with seeds), moveId, damage, critical?, weather?}.
function M.validateDamage(msg, data)
  local player = subject(msg, data)
  if not player then return response.error(msg, "UNAUTHORIZED", "cannot audit another player's battle") end
  local ok, range, why = damageAuditor.audit(data)
  if ok == nil then return response.error(msg, "INVALID_VALUE", range) end
  if not ok then
    violations.record(player, "impossible_damage", { why }, msg.From, timeUtils.timestampOf(msg))
    return response.error(msg, "CHEAT_DETECTED", why)
  end
  return response.ok(msg, { valid = true, range = range })
end

return M
