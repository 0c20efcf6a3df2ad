-- Last known health of each registered process, fed by HEALTH_CHECK-Response replies.
local registry = require("game-logic.process-coordination.process-registry")
local tableUtils = require("game-logic.utils.table-utils")

local M = {}

local reports = {}

function M.reset()
  reports = {}
end

function M.record(processId, report, ts)
  local name = registry.nameOf(processId)
  if not name then return false end
  reports[name] = { status = report.status or "unknown", messages = report.messages, errors = report.errors, ts = ts or 0 }
  return true
end

--- Every registered process with its last report (or status "unknown").
function M.list()
  local out = {}
  for _, p in ipairs(registry.list()) do
    local r = reports[p.name]
    out[#out + 1] = tableUtils.merge({ name = p.name, id = p.id, status = "unknown" }, r or {})
  end
  return out
end

function M.healthyCount()
  local n = 0
  for _, r in pairs(reports) do
    if r.status == "healthy" then n = n + 1 end
  end
  return n
end

return M
