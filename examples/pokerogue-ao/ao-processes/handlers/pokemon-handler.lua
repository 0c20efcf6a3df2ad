-- LEGACY (single-process era): party edits before the pokemon process existed. Unreachable.
local validation = require("game-logic.utils.validation-utils")

local PokemonHandler = {}

local parties = {}

local function deepCopy(t)
  if type(t) ~= "table" then return t end
  local c = {}
  for k, v in pairs(t) do c[k] = deepCopy(v) end
  return c
end

local function errorResponse(code, message)
  return { success = false, code = code, message = message }
end

function PokemonHandler.add(playerId, pokemon)
  parties[playerId] = parties[playerId] or {}
  if #parties[playerId] >= 6 then return errorResponse("PARTY_FULL", "party already has 6 members") end
  if not validation.isPositiveInteger(pokemon.level) then return errorResponse("INVALID_LEVEL", "level must be a positive integer") end
  parties[playerId][#parties[playerId] + 1] = deepCopy(pokemon)
  return { success = true, size = #parties[playerId] }
end

function PokemonHandler.swap(playerId, i, j)
  local party = parties[playerId]
  if not party or not party[i] or not party[j] then return errorResponse("INVALID_SLOT", "no such party slot") end
  party[i], party[j] = party[j], party[i]
  return { success = true, party = deepCopy(party) }
end

function PokemonHandler.get(playerId)
  return { success = true, party = deepCopy(parties[playerId] or {}) }
end

return PokemonHandler
