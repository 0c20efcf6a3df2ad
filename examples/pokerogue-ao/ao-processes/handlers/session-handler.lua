-- LEGACY (single-process era): sessions were kept here before the coordinator process.
-- No process requires this module any more; kept until the old clients are gone.
local correlator = require("game-logic.process-coordination.message-correlator")

local SessionHandler = {}

local sessions = {}

local function deepCopy(orig)
  local copy
  if type(orig) == "table" then
    copy = {}
    for k, v in pairs(orig) do copy[deepCopy(k)] = deepCopy(v) end
  else
    copy = orig
  end
  return copy
end

local function createErrorResponse(msg, code, text)
  return { success = false, error = { code = code, message = text }, correlationId = msg.Tags and msg.Tags["Correlation-Id"] }
end

function SessionHandler.start(msg)
  if sessions[msg.From] then return createErrorResponse(msg, "SESSION_EXISTS", "session already active") end
  sessions[msg.From] = { id = correlator.generateId("legacy-session"), startedAt = tonumber(msg.Timestamp) or 0, wave = 1 }
  return { success = true, session = deepCopy(sessions[msg.From]) }
end

function SessionHandler.finish(msg)
  local s = sessions[msg.From]
  if not s then return createErrorResponse(msg, "NO_SESSION", "no active session") end
  sessions[msg.From] = nil
  return { success = true, session = s }
end

function SessionHandler.get(msg)
  local s = sessions[msg.From]
  if not s then return createErrorResponse(msg, "NO_SESSION", "no active session") end
  return { success = true, session = deepCopy(s) }
end

return SessionHandler
