-- GAIN_EXPERIENCE: from the battle process (rewards per party slot, with a Correlation-Id)
-- or from the owner ({uid, amount}). Players cannot grant themselves experience. A battle's
-- request is acknowledged with BATTLE_COORDINATION op ACK, so the battle process can resolve
-- the correlation id it tracked when it sent the rewards.
local codec = require("game-logic.utils.json-codec")
local response = require("game-logic.utils.response")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local experience = require("game-logic.progression.experience")
local store = require("pokemon.components.pokemon-store")
local peers = require("pokemon.components.peer-registry")

local M = {}

M.MAX_AMOUNT = 1000000

local function grant(record, amount)
  local result, code = experience.gain(record, amount)
  if result == nil then return { uid = record.uid, error = code } end
  return {
    uid = record.uid,
    gained = result.gained,
    fromLevel = result.from,
    toLevel = result.to,
    newMoves = result.newMoves,
    canEvolve = result.canEvolve,
    exp = record.exp,
  }
end

function M.handle(msg)
  if not authenticator.isAuthorized(msg, "battle") then
    return response.error(msg, "UNAUTHORIZED", "experience comes from battles")
  end
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  local results = {}
  if type(data.rewards) == "table" then
    if type(data.playerId) ~= "string" then return response.error(msg, "INVALID_PLAYER", "playerId required") end
    local party = store.party(data.playerId)
    for _, reward in ipairs(data.rewards) do
      local slot = math.tointeger(reward.slot)
      local amount = math.tointeger(reward.amount)
      local record = slot and party[slot] or nil
      if record == nil then
        results[#results + 1] = { slot = slot or 0, error = "INVALID_SLOT" }
      elseif amount == nil or amount < 0 or amount > M.MAX_AMOUNT then
        results[#results + 1] = { slot = slot, error = "INVALID_AMOUNT" }
      else
        local r = grant(record, amount)
        r.slot = slot
        results[#results + 1] = r
      end
    end
    local correlationId = msg.Tags["Correlation-Id"]
    if correlationId and msg.From == peers.get("battle") then
      ao.send({ Target = msg.From, Action = "BATTLE_COORDINATION", Operation = "ACK", ["Correlation-Id"] = correlationId,
        Data = codec.encode({ op = "ACK", battleId = data.battleId, applied = #results }) })
    end
    return response.ok(msg, { battleId = data.battleId, playerId = data.playerId, results = results })
  end
  local record = type(data.uid) == "string" and store.get(data.uid) or nil
  if record == nil then return response.error(msg, "POKEMON_NOT_FOUND", "unknown uid") end
  local amount = math.tointeger(data.amount)
  if amount == nil or amount < 0 or amount > M.MAX_AMOUNT then
    return response.error(msg, "INVALID_AMOUNT", "amount must be an integer in 0..1000000")
  end
  return response.ok(msg, { results = { grant(record, amount) } })
end

return M
