-- Replays a battle from its start data and command list on a fresh, unstored battle, so a
-- client or the security process can check that a reported result is what the rules produce.
local stateManager = require("battle.components.battle-state-manager")
local validator = require("battle.components.action-validator")
local turnProcessor = require("battle.components.turn-processor")
local serializer = require("battle.components.battle-serializer")

local M = {}

M.MAX_COMMANDS = 200

--- Returns {turns, status, winner, digest, state} or nil, error code, failing command index.
function M.replay(start, commands, playerId)
  if type(commands) ~= "table" then return nil, "INVALID_COMMANDS" end
  if #commands > M.MAX_COMMANDS then return nil, "TOO_MANY_COMMANDS" end
  local battle, err = stateManager.build(start, playerId, 0)
  if battle == nil then return nil, err end
  for i, command in ipairs(commands) do
    if battle.status ~= "active" then return nil, "COMMAND_AFTER_END", i end
    if type(command) ~= "table" then return nil, "INVALID_COMMAND", i end
    if command.command == "forfeit" then
      stateManager.forfeit(battle)
      break
    end
    local action, code = validator.validate(battle, "player", command)
    if action == nil then return nil, code, i end
    turnProcessor.processTurn(battle, action)
  end
  return {
    turns = battle.turn,
    status = battle.status,
    winner = battle.winner or "none",
    digest = serializer.digest(battle),
    state = serializer.publicState(battle),
  }
end

return M
