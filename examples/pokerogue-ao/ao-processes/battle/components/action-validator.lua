-- Validates a player's BATTLE_COMMAND against the battle state and turns it into an action.
local moveDb = require("data.moves.move-database")
local items = require("data.items.item-database")
local stateManager = require("battle.components.battle-state-manager")

local M = {}

--- True when every move of the battler is out of PP: its only move is then Struggle.
function M.mustStruggle(pokemon)
  for _, slot in ipairs(pokemon.moves) do
    if slot.pp > 0 then return false end
  end
  return true
end

local function fail(code, text)
  return nil, code, text
end

--- command = {command="move"|"switch"|"item"|"flee", moveIndex, switchTo, itemId, targetSlot}
function M.validate(battle, side, command)
  if battle.status ~= "active" then return fail("BATTLE_NOT_ACTIVE", "battle has ended") end
  local kind = command.command
  local active = stateManager.active(battle, side)
  if kind == "move" then
    if M.mustStruggle(active) then return { kind = "move", side = side, struggle = true, moveIndex = 0, priority = 0 } end
    local index = math.tointeger(command.moveIndex)
    if index == nil or active.moves[index] == nil then return fail("INVALID_MOVE_INDEX", "no move in that slot") end
    local slot = active.moves[index]
    if slot.pp <= 0 then return fail("NO_PP", "that move has no PP left") end
    local move = moveDb.get(slot.id)
    return { kind = "move", side = side, moveIndex = index, moveId = move.id, priority = move.priority }
  elseif kind == "switch" then
    local to = math.tointeger(command.switchTo)
    local party = battle.sides[side].party
    if to == nil or party[to] == nil then return fail("INVALID_SWITCH_TARGET", "no party member in that slot") end
    if to == battle.sides[side].active then return fail("ALREADY_ACTIVE", "that member is already battling") end
    if party[to].currentHp <= 0 then return fail("TARGET_FAINTED", "cannot switch to a fainted member") end
    return { kind = "switch", side = side, switchTo = to }
  elseif kind == "item" then
    local item = type(command.itemId) == "string" and items.get(command.itemId) or nil
    if item == nil then return fail("UNKNOWN_ITEM", "unknown item") end
    if (battle.inventory[item.id] or 0) <= 0 then return fail("ITEM_NOT_OWNED", "no " .. item.id .. " left") end
    if item.kind == "ball" then
      if not battle.wild then return fail("CANNOT_CAPTURE", "balls only work in wild battles") end
      return { kind = "item", side = side, itemId = item.id }
    end
    if item.kind ~= "medicine" then return fail("ITEM_NOT_USABLE", "item cannot be used in battle") end
    local target = math.tointeger(command.targetSlot) or battle.sides[side].active
    if battle.sides[side].party[target] == nil then return fail("INVALID_TARGET", "no party member in that slot") end
    return { kind = "item", side = side, itemId = item.id, targetSlot = target }
  elseif kind == "flee" then
    if not battle.wild then return fail("CANNOT_FLEE", "cannot flee from a trainer battle") end
    return { kind = "flee", side = side }
  end
  return fail("INVALID_COMMAND", "command must be move, switch, item or flee")
end

return M
