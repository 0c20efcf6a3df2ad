-- SAVE_GAME / LOAD_GAME: slots 1..5 per player; saves are checked by security when registered.
local sessions = require("coordinator.components.session-manager")
local saves = require("coordinator.components.save-manager")
local response = require("game-logic.utils.response")
local interProcess = require("game-logic.process-coordination.inter-process")
local timeUtils = require("game-logic.utils.time-utils")
local progress = require("coordinator.handlers.progress-handlers")

local M = {}

local function slotOf(data)
  local slot = math.tointeger(tonumber(data.slot or 1))
  if not slot or slot < 1 or slot > saves.MAX_SLOTS then return nil end
  return slot
end

function M.save(msg, data)
  local player = msg.From
  local session = sessions.touch(player, msg)
  if not session then return response.error(msg, "NO_SESSION", "start a session before saving") end
  local slot = slotOf(data)
  if not slot then return response.error(msg, "INVALID_VALUE", "slot must be 1.." .. saves.MAX_SLOTS) end
  local problem = saves.problem(data.state)
  if problem then return response.error(msg, "INVALID_VALUE", problem) end
  local entry = saves.save(player, slot, data.state, timeUtils.timestampOf(msg))
  session.wave = math.max(session.wave, math.floor(data.state.wave))
  local validation = interProcess.request("security", "VALIDATE_STATE", {
    playerId = player, previousMoney = session.money, state = data.state,
  }, msg)
  local unlocked = progress.onSave(player, data.state, msg)
  return response.ok(msg, { slot = slot, checksum = entry.checksum, validationRequested = validation ~= nil,
    unlocked = unlocked })
end

function M.load(msg, data)
  local slot = slotOf(data)
  if not slot then return response.error(msg, "INVALID_VALUE", "slot must be 1.." .. saves.MAX_SLOTS) end
  local entry, code = saves.load(msg.From, slot)
  if not entry then
    if code == "CHEAT_DETECTED" then
      return response.error(msg, code, "save slot " .. slot .. " failed its checksum")
    end
    return response.error(msg, "NOT_FOUND", "no save in slot " .. slot)
  end
  return response.ok(msg, { save = entry, slots = saves.slots(msg.From) })
end

return M
