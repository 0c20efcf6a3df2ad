-- Health report shared by every process: uptime from message timestamps, message counters.
local registry = require("game-logic.process-coordination.process-registry")
local correlator = require("game-logic.process-coordination.message-correlator")
local router = require("game-logic.process-coordination.message-router")
local timeUtils = require("game-logic.utils.time-utils")

local M = {}

local firstSeen = nil
local lastSeen = 0
local handled = 0
local errors = 0

function M.initialize()
  firstSeen, lastSeen, handled, errors = nil, 0, 0, 0
end

--- Counts one message (call at the start of each handler).
function M.observe(msg)
  local ts = timeUtils.timestampOf(msg)
  if firstSeen == nil then firstSeen = ts end
  if ts > lastSeen then lastSeen = ts end
  handled = handled + 1
end

function M.recordError()
  errors = errors + 1
end

function M.report(extra)
  local report = {
    status = "healthy",
    process = registry.selfInfo(),
    peers = registry.count(),
    messages = handled,
    errors = errors,
    uptime = timeUtils.formatDuration(timeUtils.elapsed(firstSeen or lastSeen, lastSeen)),
    correlation = correlator.stats(),
    routes = router.stats(),
  }
  if errors > handled / 2 and handled > 10 then report.status = "degraded" end
  for k, v in pairs(extra or {}) do report[k] = v end
  return report
end

return M
