-- Checks a creature record reported from outside (a save import, a client claim) against the
-- rules: known species, level range, IVs 0..31, EVs within 252 each and 510 in total, a legal
-- nature and ability, at most four distinct learnable moves, and stats matching the formula.
local speciesDb = require("data.species.species-database")
local moveDb = require("data.moves.move-database")
local natures = require("data.constants.natures")
local abilities = require("data.abilities.ability-database")
local statCalculator = require("game-logic.stats.stat-calculator")
require("data.constants.game-constants")

local M = {}

local function isInt(v, lo, hi)
  return math.type(v) == "integer" and v >= lo and v <= hi
end

local function checkMoves(record, species, problems)
  if type(record.moves) ~= "table" or #record.moves == 0 then
    problems[#problems + 1] = "moves: at least one move required"
    return
  end
  if #record.moves > GameConstants.MAX_MOVES then problems[#problems + 1] = "moves: more than four" end
  -- Evolved creatures keep what they learnt before evolving: walk back through the family.
  local learnable, seen = {}, {}
  local stage = species
  while stage do
    for _, row in ipairs(stage.learnset) do
      if row.level <= (record.level or 0) then learnable[row.move] = true end
    end
    stage = stage.evolvesFrom and speciesDb.get(stage.evolvesFrom) or nil
  end
  for i, id in ipairs(record.moves) do
    local moveId = type(id) == "table" and id.id or id
    if moveDb.get(moveId) == nil then
      problems[#problems + 1] = "moves[" .. i .. "]: unknown move"
    elseif seen[moveId] then
      problems[#problems + 1] = "moves[" .. i .. "]: duplicate"
    elseif not learnable[moveId] then
      problems[#problems + 1] = "moves[" .. i .. "]: not learnable at this level"
    end
    seen[moveId] = true
  end
end

--- Returns ok, problems (a list of "field: reason" strings in check order).
function M.validate(record)
  local problems = {}
  if type(record) ~= "table" then return false, { "record: must be an object" } end
  local species = speciesDb.get(record.speciesId)
  if species == nil then return false, { "speciesId: unknown species" } end
  if not isInt(record.level, GameConstants.MIN_LEVEL, GameConstants.MAX_LEVEL) then
    problems[#problems + 1] = "level: must be an integer in 1..100"
  end
  local evTotal = 0
  for _, key in ipairs(statCalculator.STAT_KEYS) do
    local iv = record.ivs and record.ivs[key]
    if not isInt(iv, 0, GameConstants.MAX_IV) then problems[#problems + 1] = "ivs." .. key .. ": must be 0..31" end
    local ev = record.evs and record.evs[key] or 0
    if not isInt(ev, 0, GameConstants.MAX_EV) then problems[#problems + 1] = "evs." .. key .. ": must be 0..252" end
    evTotal = evTotal + (math.type(ev) == "integer" and ev or 0)
  end
  if evTotal > GameConstants.MAX_EV_TOTAL then problems[#problems + 1] = "evs: total above 510" end
  if natures.get(record.nature) == nil then problems[#problems + 1] = "nature: unknown nature" end
  local abilityOk = record.ability == species.hiddenAbility
  for _, a in ipairs(species.abilities) do abilityOk = abilityOk or record.ability == a end
  if not abilityOk then
    -- Evolution maps the ability slot, but an imported record may predate that rule.
    local previous = species.evolvesFrom and speciesDb.get(species.evolvesFrom)
    for _, a in ipairs(previous and previous.abilities or {}) do abilityOk = abilityOk or record.ability == a end
  end
  if not abilityOk or abilities.get(record.ability) == nil then problems[#problems + 1] = "ability: not one of the species' abilities" end
  checkMoves(record, species, problems)
  if #problems == 0 and type(record.stats) == "table" then
    local expected = statCalculator.calcAll(species, record.ivs, record.evs or {}, record.level, record.nature)
    for _, key in ipairs(statCalculator.STAT_KEYS) do
      if record.stats[key] ~= expected[key] then
        problems[#problems + 1] = "stats." .. key .. ": expected " .. expected[key]
      end
    end
  end
  return #problems == 0, problems
end

return M
