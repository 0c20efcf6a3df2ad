-- Turn order: switches, items and fleeing go first; moves by priority, then effective speed;
-- exact ties are broken by the battle RNG (drawn for every action, in input order, so replays match).
local M = {}

M.NON_MOVE_PRIORITY = 6

function M.priorityOf(action)
  if action.kind ~= "move" then return M.NON_MOVE_PRIORITY end
  return action.priority or 0
end

--- actions: array of {kind, priority, speed, ...}; returns a new sorted array.
function M.sortActions(actions, rng)
  local keyed = {}
  for i, action in ipairs(actions) do
    keyed[i] = { action = action, priority = M.priorityOf(action), speed = action.speed or 0,
      tiebreak = rng.random(1, 1000000), index = i }
  end
  table.sort(keyed, function(a, b)
    if a.priority ~= b.priority then return a.priority > b.priority end
    if a.speed ~= b.speed then return a.speed > b.speed end
    if a.tiebreak ~= b.tiebreak then return a.tiebreak < b.tiebreak end
    return a.index < b.index
  end)
  local out = {}
  for i, k in ipairs(keyed) do out[i] = k.action end
  return out
end

return M
