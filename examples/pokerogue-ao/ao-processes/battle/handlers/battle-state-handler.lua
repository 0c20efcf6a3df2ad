-- BATTLE_STATE_QUERY: one battle's public state and recent log, or the list of battles.
local codec = require("game-logic.utils.json-codec")
local response = require("game-logic.utils.response")
local stateManager = require("battle.components.battle-state-manager")
local serializer = require("battle.components.battle-serializer")
local battleLog = require("battle.components.battle-log")
local battleStatistics = require("battle.components.battle-statistics")

local M = {}

function M.handle(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  if data.battleId == nil then
    local list = {}
    for i, id in ipairs(stateManager.ids(data.status)) do list[i] = serializer.summary(stateManager.get(id)) end
    Handlers.utils.reply(codec.encode({ ok = true, data = { battles = list, total = stateManager.count() } }))(msg)
    return list
  end
  local battle = stateManager.get(data.battleId)
  if battle == nil then return response.error(msg, "BATTLE_NOT_FOUND", "unknown battleId") end
  local n = math.tointeger(data.logEntries) or 10
  Handlers.utils.reply(codec.encode({
    ok = true,
    data = { state = serializer.publicState(battle), log = battleLog.recent(battle, n), commands = #battle.commands,
      statistics = battleStatistics.report(battle) },
  }))(msg)
  return battle
end

return M
