-- Battles routed to the battle process, waiting for their results.
local M = {}

local routed = {}
local completed = 0

function M.reset()
  routed, completed = {}, 0
end

function M.remember(correlationId, playerId, command)
  routed[correlationId] = { playerId = playerId, command = command }
end

function M.take(correlationId)
  local r = routed[correlationId]
  routed[correlationId] = nil
  if r then completed = completed + 1 end
  return r
end

function M.pending()
  local n = 0
  for _ in pairs(routed) do n = n + 1 end
  return n
end

function M.completed()
  return completed
end

return M
