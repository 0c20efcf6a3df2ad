-- REPORT_VIOLATION (registered processes and the owner) / GET_VIOLATIONS.
local violations = require("security.components.violation-log")
local response = require("game-logic.utils.response")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local timeUtils = require("game-logic.utils.time-utils")

local M = {}

local KINDS = { speed_hack = true, impossible_damage = true, duplicate_item = true, state = true, rate = true, other = true }

function M.report(msg, data)
  if not authenticator.isAuthorized(msg) then
    return response.error(msg, "UNAUTHORIZED", "only registered processes report violations")
  end
  if type(data.playerId) ~= "string" then return response.error(msg, "MISSING_FIELD", "playerId") end
  local kind = data.kind or "other"
  if not KINDS[kind] then return response.error(msg, "INVALID_VALUE", "unknown violation kind " .. tostring(kind)) end
  local count = violations.record(data.playerId, kind, data.details or {}, msg.From, timeUtils.timestampOf(msg))
  return response.ok(msg, { playerId = data.playerId, count = count, flagged = violations.isFlagged(data.playerId) })
end

function M.list(msg, data)
  if data.playerId and data.playerId ~= msg.From then
    if not authenticator.isAuthorized(msg) then
      return response.error(msg, "UNAUTHORIZED", "cannot read another player's violations")
    end
    return response.ok(msg, { playerId = data.playerId, violations = violations.of(data.playerId) })
  end
  if data.all then
    if not authenticator.isAuthorized(msg) then return response.error(msg, "UNAUTHORIZED", "owner only") end
    return response.ok(msg, { summary = violations.summary(), total = violations.total() })
  end
  return response.ok(msg, { playerId = msg.From, violations = violations.of(msg.From) })
end

return M
