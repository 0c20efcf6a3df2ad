-- The battle log: every event of every turn, in order, tagged with its turn number.
local M = {}

M.MAX_ENTRIES = 2000

function M.append(battle, event)
  event.turn = battle.turn
  local log = battle.log
  log[#log + 1] = event
  if #log > M.MAX_ENTRIES then table.remove(log, 1) end
  return event
end

function M.appendAll(battle, events)
  for _, e in ipairs(events) do M.append(battle, e) end
end

--- Events of one turn (defaults to the latest).
function M.forTurn(battle, turn)
  turn = turn or battle.turn
  local out = {}
  for _, e in ipairs(battle.log) do
    if e.turn == turn then out[#out + 1] = e end
  end
  return out
end

function M.recent(battle, n)
  local out = {}
  local first = math.max(1, #battle.log - (n or 20) + 1)
  for i = first, #battle.log do out[#out + 1] = battle.log[i] end
  return out
end

return M
