-- ADMIN_STATUS / ADMIN_PROCESS_LIST and peers' HEALTH_CHECK-Response replies.
local configStore = require("admin.components.config-store")
local monitor = require("admin.components.process-monitor")
local broadcast = require("admin.components.broadcast")
local adminHandler = require("handlers.admin-handler")
local response = require("game-logic.utils.response")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local codec = require("game-logic.utils.json-codec")
local timeUtils = require("game-logic.utils.time-utils")
local maintenance = require("admin.components.maintenance-schedule")
local moveDatabase = require("data.moves.move-database")
local itemDatabase = require("data.items.item-database")
local berryDatabase = require("data.items.berry-database")
local abilityDatabase = require("data.abilities.ability-database")

local M = {}

function M.status(msg)
  if not authenticator.isAuthorized(msg) then
    return response.error(msg, "UNAUTHORIZED", "status is for the owner and registered processes")
  end
  return response.ok(msg, {
    config = configStore.get(),
    revision = configStore.revision(),
    recentChanges = configStore.changes(3),
    processes = #monitor.list(),
    healthy = monitor.healthyCount(),
    lastBroadcast = broadcast.last(),
    broadcastsSent = broadcast.sentCount(),
    audit = adminHandler.recentAudit(5),
    maintenance = { active = maintenance.activeAt(timeUtils.timestampOf(msg)), upcoming = maintenance.upcoming(timeUtils.timestampOf(msg)) },
    -- which game data this deployment serves (the admin checks it after each data update)
    data = {
      moves = moveDatabase.count(),
      items = itemDatabase.count(),
      berries = berryDatabase.count(),
      abilities = abilityDatabase.count(),
    },
  })
end

function M.processList(msg)
  if not authenticator.isAuthorized(msg) then
    return response.error(msg, "UNAUTHORIZED", "process list is for the owner and registered processes")
  end
  return response.ok(msg, { processes = monitor.list() })
end

--- A peer answered a broadcast HEALTH_CHECK.
function M.healthReply(msg)
  local ok, report = pcall(codec.decode, msg.Data or "")
  if ok and type(report) == "table" then monitor.record(msg.From, report, timeUtils.timestampOf(msg)) end
end

return M
