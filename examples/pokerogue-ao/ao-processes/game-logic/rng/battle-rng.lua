-- Battle RNG: deterministic, hash-seeded xorshift64* generator.
-- Every process replays the same damage rolls for the same seed, so no math.random / os.time here.
local M = {}

local MASK63 = 0x7FFFFFFFFFFFFFFF

-- FNV-1a over the seed text; Lua 5.3 integers wrap on overflow, which is what FNV expects.
local function hashSeed(seed)
  local text = tostring(seed)
  local h = -3750763034362895579 -- 0xcbf29ce484222325 as a signed 64-bit integer
  for i = 1, #text do
    h = h ~ string.byte(text, i)
    h = h * 1099511628211
  end
  if h == 0 then h = 0x2545F4914F6CDD1D end
  return h
end

local state = hashSeed("pokerogue-default-seed")
local seedText = "pokerogue-default-seed"
local draws = 0

--- Resets the global generator from a seed (any value; its text form is hashed).
function M.initGlobalRNG(seed)
  seedText = tostring(seed or "pokerogue-default-seed")
  state = hashSeed(seedText)
  draws = 0
  return seedText
end

--- Next raw non-negative 63-bit integer.
function M.next()
  local x = state
  x = x ~ (x >> 12)
  x = x ~ (x << 25)
  x = x ~ (x >> 27)
  state = x
  draws = draws + 1
  return (x * 2685821657736338717) & MASK63
end

--- Integer in [min, max] (inclusive); with one argument, [1, min].
function M.random(min, max)
  if max == nil then
    max = min or 100
    min = 1
  end
  min = math.floor(min)
  max = math.floor(max)
  if max < min then min, max = max, min end
  local span = max - min + 1
  return min + (M.next() % span)
end

--- True with the given percent probability (0..100).
function M.chance(percent)
  if percent <= 0 then return false end
  if percent >= 100 then return true end
  return M.random(1, 100) <= percent
end

--- Float in [0, 1), for damage spreads expressed as fractions.
function M.float()
  return (M.next() % 1000000) / 1000000
end

--- Picks one element of an array deterministically.
function M.pick(list)
  if type(list) ~= "table" or #list == 0 then return nil end
  return list[M.random(1, #list)]
end

--- Snapshot of the generator, for battle replays and save games.
function M.getState()
  return { seed = seedText, state = state, draws = draws }
end

function M.setState(snapshot)
  if type(snapshot) ~= "table" or type(snapshot.state) ~= "number" then
    return false
  end
  seedText = snapshot.seed or seedText
  state = math.tointeger(snapshot.state) or state
  draws = snapshot.draws or 0
  return true
end

--- A private generator, so one battle's rolls do not disturb another's.
function M.create(seed)
  local s = hashSeed(seed)
  local gen = {}
  function gen.next()
    s = s ~ (s >> 12)
    s = s ~ (s << 25)
    s = s ~ (s >> 27)
    return (s * 2685821657736338717) & MASK63
  end
  function gen.random(min, max)
    if max == nil then max = min or 100; min = 1 end
    if max < min then min, max = max, min end
    return min + (gen.next() % (max - min + 1))
  end
  function gen.chance(percent)
    if percent <= 0 then return false end
    if percent >= 100 then return true end
    return gen.random(1, 100) <= percent
  end
  return gen
end

M.hashSeed = hashSeed

return M
