-- Reply views of creatures: names resolved from the data tables, weaknesses from the type
-- chart, every list in a fixed order.
local moveDb = require("data.moves.move-database")
local abilities = require("data.abilities.ability-database")
local items = require("data.items.item-database")
local berries = require("data.items.berry-database")
local natures = require("data.constants.natures")
local growthRates = require("data.constants.growth-rates")
local typeEffectiveness = require("game-logic.battle.type-effectiveness")

local M = {}

local function itemName(id)
  if id == nil then return "none" end
  local record = items.get(id) or berries.get(id)
  return record and record.name or id
end

function M.moves(record)
  local out = {}
  for i, m in ipairs(record.moves) do
    local move = moveDb.get(m.id)
    out[i] = { id = m.id, name = move.name, type = move.type, category = move.category, power = move.power, pp = m.pp, maxPp = m.maxPp }
  end
  return out
end

function M.view(record)
  local ability = abilities.get(record.ability)
  local nature = natures.get(record.nature)
  return {
    uid = record.uid,
    owner = record.owner,
    speciesId = record.speciesId,
    name = record.name,
    nickname = record.nickname or "none",
    level = record.level,
    exp = record.exp,
    expToNext = record.level < 100 and (growthRates.expForLevel(record.growthRate, record.level + 1) - record.exp) or 0,
    types = record.types,
    nature = record.nature,
    natureEffect = nature.neutral and "neutral" or ("+" .. nature.increased .. " -" .. nature.decreased),
    ability = record.ability,
    abilityName = ability and ability.name or record.ability,
    heldItem = record.heldItem or "none",
    heldItemName = itemName(record.heldItem),
    stats = record.stats,
    ivs = record.ivs,
    evs = record.evs,
    currentHp = record.currentHp,
    status = record.status,
    moves = M.moves(record),
    weaknesses = typeEffectiveness.weaknesses(record.types),
    resistances = typeEffectiveness.resistances(record.types),
  }
end

--- Compact entries for party lists.
function M.brief(record, slot)
  return { slot = slot, uid = record.uid, name = record.name, nickname = record.nickname or "none", speciesId = record.speciesId, level = record.level,
    currentHp = record.currentHp, maxHp = record.stats.hp, status = record.status }
end

function M.party(list)
  local out = {}
  for i, record in ipairs(list) do out[i] = M.brief(record, i) end
  return out
end

return M
