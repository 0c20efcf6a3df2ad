-- Stable error codes used in error replies of every process.
local M = {
  BAD_JSON = "BAD_JSON",
  MISSING_FIELD = "MISSING_FIELD",
  INVALID_VALUE = "INVALID_VALUE",
  NOT_FOUND = "NOT_FOUND",
  UNAUTHORIZED = "UNAUTHORIZED",
  INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS",
  OUT_OF_STOCK = "OUT_OF_STOCK",
  NO_SESSION = "NO_SESSION",
  SESSION_EXISTS = "SESSION_EXISTS",
  UNKNOWN_PROCESS = "UNKNOWN_PROCESS",
  CHEAT_DETECTED = "CHEAT_DETECTED",
  INVALID_ACTION = "INVALID_ACTION",
  LIMIT_EXCEEDED = "LIMIT_EXCEEDED",
  INTERNAL = "INTERNAL",
}

--- Human text for each code, used when a handler gives none.
M.text = {
  BAD_JSON = "message Data is not valid JSON",
  MISSING_FIELD = "a required field is missing",
  INVALID_VALUE = "a field has an invalid value",
  NOT_FOUND = "not found",
  UNAUTHORIZED = "sender is not authorised for this action",
  INSUFFICIENT_FUNDS = "balance too low",
  OUT_OF_STOCK = "item not available",
  NO_SESSION = "no active session for this player",
  SESSION_EXISTS = "player already has an active session",
  UNKNOWN_PROCESS = "process not registered",
  CHEAT_DETECTED = "reported state is impossible",
  INVALID_ACTION = "action not allowed in this state",
  LIMIT_EXCEEDED = "limit exceeded",
  INTERNAL = "internal error",
}

function M.describe(code)
  return M.text[code] or tostring(code)
end

return M
