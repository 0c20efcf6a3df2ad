-- Items used on a creature outside battle: vitamins (effort values within the 252/510 caps),
-- candies (levels and experience), evolution stones, medicine, and held items.
local items = require("data.items.item-database")
local berries = require("data.items.berry-database")
local growthRates = require("data.constants.growth-rates")
local statCalculator = require("game-logic.stats.stat-calculator")
local experience = require("game-logic.progression.experience")
local evolution = require("game-logic.pokemon.evolution")
local factory = require("game-logic.pokemon.pokemon-factory")
require("data.constants.game-constants")

local M = {}

local function evTotal(evs)
  local total = 0
  for _, key in ipairs(statCalculator.STAT_KEYS) do total = total + (evs[key] or 0) end
  return total
end

local function useVitamin(record, item)
  local current = record.evs[item.stat] or 0
  local room = math.min(GameConstants.MAX_EV - current, GameConstants.MAX_EV_TOTAL - evTotal(record.evs))
  if room <= 0 then return nil, "EV_LIMIT" end
  local added = math.min(item.ev, room)
  record.evs[item.stat] = current + added
  factory.recalculate(record)
  return { stat = item.stat, added = added, ev = record.evs[item.stat] }
end

local function useCandy(record, item)
  if record.level >= GameConstants.MAX_LEVEL then return nil, "MAX_LEVEL" end
  local amount = item.exp
  if item.levels then
    amount = growthRates.expForLevel(record.growthRate, record.level + item.levels) - record.exp
  end
  local result = experience.gain(record, math.max(0, amount))
  return { fromLevel = result.from, toLevel = result.to, gained = result.gained, newMoves = result.newMoves, canEvolve = result.canEvolve }
end

local function useMedicine(record, item)
  local out = {}
  if item.revivePercent then
    if record.currentHp > 0 then return nil, "NOT_FAINTED" end
    record.currentHp = math.max(1, record.stats.hp * item.revivePercent // 100)
    out.revived = true
    return out
  end
  if record.currentHp <= 0 then return nil, "FAINTED" end
  local healed = 0
  if item.heal or item.healPercent then
    healed = math.min(item.heal or (record.stats.hp * item.healPercent // 100), record.stats.hp - record.currentHp)
    record.currentHp = record.currentHp + healed
  end
  local cured = nil
  if item.cures and record.status ~= "none" and (item.cures == "all" or item.cures == record.status) then
    cured = record.status
    record.status = "none"
    record.statusTurns = 0
  end
  if healed == 0 and cured == nil then return nil, "NO_EFFECT" end
  out.healed = healed
  out.cured = cured or "none"
  return out
end

--- Applies item `itemId` to `record`; returns a result table or nil, error code.
function M.use(record, itemId)
  local item = items.get(itemId)
  if item == nil then
    if berries.get(itemId) then return nil, "HOLD_BERRIES" end
    return nil, "UNKNOWN_ITEM"
  end
  if item.kind == "vitamin" then return useVitamin(record, item) end
  if item.kind == "candy" then return useCandy(record, item) end
  if item.kind == "medicine" then return useMedicine(record, item) end
  if item.kind == "evolution" then
    local result, code = evolution.evolve(record, { kind = "item", item = item.id })
    if result == nil then return nil, code end
    return result
  end
  return nil, "ITEM_NOT_USABLE"
end

--- Gives a held item (nil clears it); returns the previous held item or "none".
function M.setHeld(record, itemId)
  if itemId ~= nil then
    local item = items.get(itemId)
    if berries.get(itemId) == nil and (item == nil or item.kind ~= "held") then return nil, "NOT_HOLDABLE" end
  end
  local previous = record.heldItem or "none"
  record.heldItem = itemId
  return previous
end

return M
