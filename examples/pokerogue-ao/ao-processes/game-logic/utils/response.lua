-- Replies in one shape for every process: {ok=true,data=...} or {error=true,code=...,message=...}.
local codec = require("game-logic.utils.json-codec")

local M = {}

local function send(msg, action, body)
  local payload = {
    Action = action,
    Data = codec.encode(body),
  }
  local correlation = msg and msg.Tags and msg.Tags["Correlation-Id"]
  if correlation then payload["Correlation-Id"] = correlation end
  if msg and type(msg.reply) == "function" then
    msg.reply(payload)
  elseif type(ao) == "table" and type(ao.send) == "function" and msg and msg.From then
    payload.Target = msg.From
    ao.send(payload)
  end
  return body
end

--- Error reply: code is a stable string like "INSUFFICIENT_FUNDS".
function M.error(msg, code, text)
  local action = (msg and msg.Tags and msg.Tags.Action or "Unknown") .. "-Error"
  return send(msg, action, { error = true, code = code or "ERROR", message = text or code or "error" })
end

--- Success reply with a data table.
function M.ok(msg, data)
  local action = (msg and msg.Tags and msg.Tags.Action or "Unknown") .. "-Response"
  return send(msg, action, { ok = true, data = data or {} })
end

--- Builds (without sending) the error body, for handlers that reply through a router.
function M.errorBody(code, text)
  return { error = true, code = code or "ERROR", message = text or code or "error" }
end

return M
