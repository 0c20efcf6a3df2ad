-- Message correlator: ids for cross-process requests and the table of requests in flight.
local cryptoRng = require("game-logic.rng.crypto-rng")

local M = {}

local pending = {}
local pendingCount = 0
local resolvedCount = 0
local initialized = false

--- Resets the table of requests in flight; salts ids with this process's id.
function M.initialize()
  pending = {}
  pendingCount = 0
  resolvedCount = 0
  local pid = (type(ao) == "table" and ao.id) or "local"
  cryptoRng.seed("correlator:" .. tostring(pid))
  initialized = true
  return true
end

function M.isInitialized()
  return initialized
end

--- A new correlation id, e.g. "battle-3f2a...".
function M.generateId(prefix)
  return cryptoRng.generateId(prefix or "corr")
end

--- Remembers a request: info = {target, action, timestamp, ...}.
function M.track(id, info)
  if type(id) ~= "string" or id == "" then return false, "correlation id required" end
  if pending[id] == nil then pendingCount = pendingCount + 1 end
  local entry = {}
  for k, v in pairs(info or {}) do entry[k] = v end
  entry.id = id
  pending[id] = entry
  return true
end

--- Returns and forgets the info of a tracked request (nil when unknown).
function M.resolve(id)
  local entry = pending[id]
  if entry == nil then return nil end
  pending[id] = nil
  pendingCount = pendingCount - 1
  resolvedCount = resolvedCount + 1
  return entry
end

function M.peek(id)
  return pending[id]
end

--- Drops requests older than maxAge (ms) relative to now; returns how many.
function M.expire(now, maxAge)
  local dropped = 0
  local ids = {}
  for id in pairs(pending) do ids[#ids + 1] = id end
  table.sort(ids)
  for _, id in ipairs(ids) do
    local ts = tonumber(pending[id].timestamp) or 0
    if now - ts > maxAge then
      pending[id] = nil
      pendingCount = pendingCount - 1
      dropped = dropped + 1
    end
  end
  return dropped
end

function M.stats()
  return { pending = pendingCount, resolved = resolvedCount }
end

return M
