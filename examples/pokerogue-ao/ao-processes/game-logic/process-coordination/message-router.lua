-- Message router: one table from Action to function, shared by the handlers of a process,
-- so cross-process replies (Correlation-Id) reach the code that sent the request.
local M = {}

local routes = {}
local fallback = nil
local routedCount = 0

function M.initialize()
  routes = {}
  fallback = nil
  routedCount = 0
  return true
end

--- fn(msg) -> result; replaces an earlier route for the same action.
function M.register(action, fn)
  if type(action) ~= "string" or type(fn) ~= "function" then
    return false, "action name and function required"
  end
  routes[action] = fn
  return true
end

function M.setFallback(fn)
  fallback = fn
end

function M.has(action)
  return routes[action] ~= nil
end

--- Calls the route of msg's Action; returns ok, result-or-error (never raises).
function M.route(msg)
  local action = msg and ((msg.Tags and msg.Tags.Action) or msg.Action)
  local fn = action and routes[action] or fallback
  if fn == nil then
    return false, "no route for action " .. tostring(action)
  end
  routedCount = routedCount + 1
  local ok, result = pcall(fn, msg)
  if not ok then return false, tostring(result) end
  return true, result
end

function M.actions()
  local list = {}
  for name in pairs(routes) do list[#list + 1] = name end
  table.sort(list)
  return list
end

function M.stats()
  return { routes = #M.actions(), routed = routedCount }
end

return M
