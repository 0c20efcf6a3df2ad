-- POKEMON_COORDINATION: REGISTER_PEER (owner only) trusts the battle process and others;
-- STATUS reports store counts to registered peers.
local codec = require("game-logic.utils.json-codec")
local response = require("game-logic.utils.response")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local store = require("pokemon.components.pokemon-store")
local peers = require("pokemon.components.peer-registry")

local M = {}

local VALID_ROLES = { coordinator = true, battle = true, security = true, economy = true, admin = true }

function M.handle(msg)
  local data, err = codec.decodeData(msg)
  if data == nil then return response.error(msg, "INVALID_JSON", err) end
  local op = data.op or msg.Tags.Operation
  if op == "REGISTER_PEER" then
    if not authenticator.isOwner(msg) then return response.error(msg, "UNAUTHORIZED", "only the owner registers peers") end
    if type(data.processId) ~= "string" or data.processId == "" then
      return response.error(msg, "INVALID_PROCESS_ID", "processId required")
    end
    if not VALID_ROLES[data.role] then return response.error(msg, "INVALID_ROLE", "unknown role") end
    peers.register(data.role, data.processId)
    return response.ok(msg, { peers = peers.list() })
  elseif op == "STATUS" then
    if not authenticator.isAuthorized(msg) then return response.error(msg, "UNAUTHORIZED", "unknown peer") end
    return response.ok(msg, store.stats())
  end
  return response.error(msg, "UNKNOWN_OPERATION", "op must be REGISTER_PEER or STATUS")
end

return M
