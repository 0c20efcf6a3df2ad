-- Recomputes a reported Pokemon's stats from species, IVs, EVs, level and nature and
-- lists every stat that does not match (anti-cheat for VALIDATE_STATE).
local speciesDatabase = require("data.species.species-database")
local natures = require("data.constants.natures")
local enums = require("data.constants.enums")
local statCalculator = require("game-logic.stats.stat-calculator")
require("data.constants.game-constants")

local M = {}

local function limits()
  local g = GameConstants or {}
  return {
    maxLevel = g.MAX_LEVEL or 100,
    maxIv = g.MAX_IV or 31,
    maxEv = g.MAX_EV or 252,
    maxEvTotal = g.MAX_EV_TOTAL or 510,
  }
end

--- Returns a list of violation texts for one party member (empty when valid).
function M.check(pokemon, index)
  local where = "party[" .. tostring(index or 1) .. "]"
  local problems = {}
  if type(pokemon) ~= "table" then return { where .. " is not an object" } end
  local lim = limits()
  local species = speciesDatabase.get(pokemon.speciesId)
  if not species then
    return { where .. " has unknown species " .. tostring(pokemon.speciesId) }
  end
  local level = pokemon.level
  if type(level) ~= "number" or level < 1 or level > lim.maxLevel or level ~= math.floor(level) then
    problems[#problems + 1] = where .. " has impossible level " .. tostring(level)
    return problems
  end
  if pokemon.nature ~= nil and natures.get(pokemon.nature) == nil then
    problems[#problems + 1] = where .. " has unknown nature " .. tostring(pokemon.nature)
    return problems
  end
  local ivs, evs = pokemon.ivs or {}, pokemon.evs or {}
  local evTotal = 0
  for _, stat in ipairs(enums.Stats) do
    local iv, ev = ivs[stat] or 0, evs[stat] or 0
    if type(iv) ~= "number" or iv < 0 or iv > lim.maxIv then
      problems[#problems + 1] = where .. " IV " .. stat .. " out of range: " .. tostring(iv)
    end
    if type(ev) ~= "number" or ev < 0 or ev > lim.maxEv then
      problems[#problems + 1] = where .. " EV " .. stat .. " out of range: " .. tostring(ev)
    end
    evTotal = evTotal + (tonumber(ev) or 0)
  end
  if evTotal > lim.maxEvTotal then
    problems[#problems + 1] = where .. " EV total " .. evTotal .. " exceeds " .. lim.maxEvTotal
  end
  if #problems > 0 or type(pokemon.stats) ~= "table" then return problems end
  local expected = statCalculator.calcAll(species, ivs, evs, level, pokemon.nature)
  for _, stat in ipairs(enums.Stats) do
    local reported = pokemon.stats[stat]
    if reported ~= nil and reported ~= expected[stat] then
      problems[#problems + 1] = string.format("%s %s is %s, formula gives %s", where, stat,
        tostring(reported), tostring(expected[stat]))
    end
  end
  return problems
end

return M
