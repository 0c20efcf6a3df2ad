-- BATTLE_REPLAY: re-runs a battle from its seed, start data and commands and compares the
-- result digest. Data is {battleId} for a stored battle, or {start, commands, expectedDigest}.
local codec = require("game-logic.utils.json-codec")
local stateManager = require("battle.components.battle-state-manager")
local serializer = require("battle.components.battle-serializer")
local replayer = require("battle.components.battle-replay")

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

local function replyOk(msg, payload)
  msg.reply({ Action = "BATTLE_REPLAY-Response", Data = codec.encode({ ok = true, data = payload }) })
  return payload
end

function M.handle(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return replyError(msg, "INVALID_JSON", err) end
  local start, commands, expected
  if type(data.battleId) == "string" and data.start == nil then
    local battle = stateManager.get(data.battleId)
    if battle == nil then return replyError(msg, "BATTLE_NOT_FOUND", "unknown battleId") end
    start = cloneDeep(battle.start)
    commands = cloneDeep(battle.commands)
    expected = serializer.digest(battle)
  else
    if type(data.start) ~= "table" then return replyError(msg, "MISSING_START", "start or battleId required") end
    start = combine({ battleId = "replay" }, cloneDeep(data.start))
    commands = data.commands or {}
    expected = data.expectedDigest
  end
  local result, code, index = replayer.replay(start, commands, msg.From)
  if result == nil then
    return replyError(msg, code, index and ("command " .. index .. " rejected") or "replay failed")
  end
  local payload = combine(result, { matches = expected == nil or result.digest == expected, expectedDigest = expected or "none" })
  if not data.includeState then payload.state = nil end
  return replyOk(msg, payload)
end

return M
