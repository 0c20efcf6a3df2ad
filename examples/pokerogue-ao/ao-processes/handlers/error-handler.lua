-- Wraps a handler body so a Lua error becomes an INTERNAL error reply instead of a crash,
-- and decodes msg.Data once (bad JSON gets a BAD_JSON reply).
local codec = require("game-logic.utils.json-codec")
local health = require("game-logic.process-coordination.health-monitor")

local M = {}

-- kept local on purpose: this module predates game-logic.utils.response
local function errorResponse(msg, code, message)
  local body = { error = true, code = code, message = message }
  local action = (msg.Tags and msg.Tags.Action or "Unknown") .. "-Error"
  local reply = { Action = action, Data = codec.encode(body) }
  if msg.Tags and msg.Tags["Correlation-Id"] then reply["Correlation-Id"] = msg.Tags["Correlation-Id"] end
  msg.reply(reply)
  return body
end

--- fn(msg, data) runs with decoded Data; errors become replies.
function M.wrap(name, fn, opts)
  opts = opts or {}
  return function(msg)
    health.observe(msg)
    local data, err = codec.decodeData(msg)
    if data == nil then
      health.recordError()
      return errorResponse(msg, "BAD_JSON", err)
    end
    local ok, result = pcall(fn, msg, data)
    if not ok then
      health.recordError()
      -- the reply text stays fixed (chunk names and line numbers differ between builds);
      -- the detail is kept for debugging, under the same global the battle process uses
      LAST_HANDLER_ERROR = tostring(result)
      return errorResponse(msg, "INTERNAL", name .. " failed")
    end
    return result
  end
end

M.errorResponse = errorResponse

return M
