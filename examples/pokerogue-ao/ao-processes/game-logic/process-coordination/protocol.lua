-- Inter-process protocol: the names every process agrees on.
local M = {}

M.VERSION = "1.2.0"

M.PROCESS_NAMES = { "admin", "battle", "coordinator", "economy", "pokemon", "security" }

M.ROLES = {
  coordinator = "coordinator",
  battle = "battle",
  pokemon = "pokemon",
  economy = "economy",
  security = "security",
  admin = "admin",
}

-- Actions sent between processes (players send the others).
M.ACTIONS = {
  BATTLE_COORDINATION = "BATTLE_COORDINATION",
  BATTLE_RESULT = "BATTLE_RESULT",
  SESSION_NOTIFY = "SESSION_NOTIFY",
  VALIDATE_STATE = "VALIDATE_STATE",
  VALIDATION_RESULT = "VALIDATION_RESULT",
  ADD_FUNDS = "ADD_FUNDS",
  ADMIN_NOTICE = "ADMIN_NOTICE",
  REGISTER_PROCESS = "REGISTER_PROCESS",
  HEALTH_CHECK = "HEALTH_CHECK",
}

--- Spawn tag that carries a peer's id, e.g. "Process-Battle" (also read: "Process-Id-battle").
function M.spawnTagFor(name)
  return "Process-" .. string.upper(string.sub(name, 1, 1)) .. string.sub(name, 2)
end

function M.isKnownProcess(name)
  for _, n in ipairs(M.PROCESS_NAMES) do
    if n == name then return true end
  end
  return false
end

return M
