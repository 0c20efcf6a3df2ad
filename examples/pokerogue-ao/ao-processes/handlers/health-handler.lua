-- Info and HEALTH_CHECK bodies, shared by the processes split out of the former single process.
local health = require("game-logic.process-coordination.health-monitor")
local registry = require("game-logic.process-coordination.process-registry")
local router = require("game-logic.process-coordination.message-router")
local codec = require("game-logic.utils.json-codec")

local M = {}

--- Info reply: the process info table, peers and routes. Live Handlers.list is left out on
--- purpose: builds may add their own handlers (Federation-Status) and Info must not differ.
function M.info(msg, processInfo)
  health.observe(msg)
  local body = {}
  for k, v in pairs(processInfo or {}) do body[k] = v end
  body.peers = registry.list()
  body.routes = router.actions()
  msg.reply({ Action = "Info-Response", Data = codec.encode(body) })
  return body
end

--- HEALTH_CHECK reply; extra() may add process-specific counters.
function M.healthCheck(msg, extra)
  health.observe(msg)
  local report = health.report(type(extra) == "function" and extra() or extra)
  msg.reply({ Action = "HEALTH_CHECK-Response", Data = codec.encode(report) })
  return report
end

return M
