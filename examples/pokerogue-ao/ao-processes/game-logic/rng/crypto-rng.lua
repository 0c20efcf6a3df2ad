-- Crypto RNG: hash-based identifiers (correlation ids, session ids, receipt ids).
-- Uses ao.crypto.utils.hash when the host provides it, else a pure-Lua 64-bit hash.
local M = {}

local counter = 0
local salt = "pokerogue"

local function fallbackHash(text)
  -- two FNV-1a lanes with different offsets, printed as 32 hex chars
  local a = -3750763034362895579
  local b = 0x100000001B3
  for i = 1, #text do
    local c = string.byte(text, i)
    a = (a ~ c) * 1099511628211
    b = (b ~ (c + i)) * 6364136223846793005
  end
  return string.format("%016x%016x", a, b)
end

local function hostHash()
  if type(ao) == "table" and type(ao.crypto) == "table" and type(ao.crypto.utils) == "table"
    and type(ao.crypto.utils.hash) == "function" then
    return ao.crypto.utils.hash
  end
  return nil
end

--- Hex digest of a string.
function M.hash(text)
  text = tostring(text)
  local host = hostHash()
  if host then
    local ok, digest = pcall(host, text)
    if ok and type(digest) == "string" and #digest > 0 then return digest end
  end
  return fallbackHash(text)
end

--- Sets the salt mixed into every id (the process id, usually).
function M.seed(value)
  salt = tostring(value or "pokerogue")
  counter = 0
end

--- A fresh identifier: prefix plus 24 hex chars; unique per process and call.
function M.generateId(prefix, extra)
  counter = counter + 1
  local digest = M.hash(salt .. ":" .. tostring(counter) .. ":" .. tostring(extra or ""))
  return (prefix or "id") .. "-" .. string.sub(digest, 1, 24)
end

--- Integer in [min, max] derived from a text (stable for the same text).
function M.rangeFromText(text, min, max)
  local digest = fallbackHash(tostring(text))
  local n = tonumber(string.sub(digest, 1, 12), 16) or 0
  return min + (n % (max - min + 1))
end

function M.getCounter()
  return counter
end

M.fallbackHash = fallbackHash

return M
