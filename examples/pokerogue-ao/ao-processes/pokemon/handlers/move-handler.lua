-- LEARN_MOVE: teaches one of the sender's creatures a move from its learnset.
local codec = require("game-logic.utils.json-codec")
local response = require("game-logic.utils.response")
local moveLearning = require("game-logic.pokemon.move-learning")
local store = require("pokemon.components.pokemon-store")
local serializer = require("pokemon.components.pokemon-serializer")

local M = {}

function M.handle(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  local record, code = store.owned(msg.From, data.uid)
  if record == nil then return response.error(msg, code, "cannot teach that creature") end
  local moveId = math.tointeger(tonumber(data.moveId))
  if moveId == nil then return response.error(msg, "INVALID_MOVE", "moveId must be an integer") end
  local ok, slotOrCode = moveLearning.learn(record, moveId, math.tointeger(data.replaceIndex))
  if not ok then return response.error(msg, slotOrCode, "cannot learn that move") end
  return response.ok(msg, { uid = record.uid, slot = slotOrCode, moves = serializer.moves(record) })
end

return M