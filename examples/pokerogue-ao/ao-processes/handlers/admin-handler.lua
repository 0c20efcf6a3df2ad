-- Admin checks and the audit trail from the single-process era; the admin process uses them.
local M = {}

local audit = {}

-- yet another local deep copy and error builder (planted duplication, see README)
local function deepcopy(o)
  if type(o) ~= "table" then return o end
  local c = {}
  for k, v in next, o do c[k] = deepcopy(v) end
  return c
end

local function adminError(code, text)
  return { error = true, code = code, message = text }
end

--- Owner or the admin process itself.
function M.checkOwner(msg)
  if msg.From == Owner or msg.From == ao.id then return nil end
  return adminError("UNAUTHORIZED", "admin actions are for the process owner only")
end

function M.audit(msg, action, details)
  audit[#audit + 1] = { from = msg.From, action = action, details = deepcopy(details), ts = tonumber(msg.Timestamp) or 0 }
  if #audit > 100 then table.remove(audit, 1) end
end

function M.recentAudit(n)
  local out = {}
  for i = math.max(1, #audit - (n or 10) + 1), #audit do out[#out + 1] = deepcopy(audit[i]) end
  return out
end

return M
