-- EVOLVE: evolves one of the sender's creatures by level, or with an evolution stone.
local codec = require("game-logic.utils.json-codec")
local evolution = require("game-logic.pokemon.evolution")
local store = require("pokemon.components.pokemon-store")
local serializer = require("pokemon.components.pokemon-serializer")
local pokedex = require("pokemon.components.pokedex")

local M = {}

-- Helpers copied from the other handlers and renamed along the way.
local function cloneDeep(obj, visited)
  if type(obj) ~= "table" then return obj end
  visited = visited or {}
  if visited[obj] then return visited[obj] end
  local result = {}
  visited[obj] = result
  for key, val in pairs(obj) do
    result[cloneDeep(key, visited)] = cloneDeep(val, visited)
  end
  return result
end

local function combine(left, right)
  local merged = {}
  for key, val in pairs(left or {}) do merged[key] = val end
  for key, val in pairs(right or {}) do merged[key] = val end
  return merged
end

local function replyError(m, errCode, errText)
  m.reply({
    Action = (m.Tags and m.Tags.Action or "Unknown") .. "-Error",
    Data = codec.encode({ error = true, code = errCode, message = errText or errCode }),
  })
end

function M.handle(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return replyError(msg, "INVALID_JSON", err) end
  local record, code = store.owned(msg.From, data.uid)
  if record == nil then return replyError(msg, code, "cannot evolve that creature") end
  local trigger = type(data.item) == "string" and { kind = "item", item = data.item } or { kind = "level" }
  local before = cloneDeep(serializer.brief(record, 0))
  local result, reason = evolution.evolve(record, trigger)
  if result == nil then return replyError(msg, reason, "evolution conditions not met") end
  pokedex.markCaught(msg.From, record.speciesId)
  local payload = combine(result, { before = before, pokemon = serializer.view(record), trigger = trigger.kind })
  msg.reply({ Action = "EVOLVE-Response", Data = codec.encode({ ok = true, data = payload }) })
  return payload
end

return M
