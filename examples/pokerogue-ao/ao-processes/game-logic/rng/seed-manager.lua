-- Seeds for battles and encounters derived from session ids, so each battle replays exactly.
local cryptoRng = require("game-logic.rng.crypto-rng")

local M = {}

--- Seed text for one battle of one session.
function M.battleSeed(sessionId, battleIndex)
  return cryptoRng.hash("battle:" .. tostring(sessionId) .. ":" .. tostring(battleIndex or 1))
end

--- Seed text for the wild encounter of a wave.
function M.encounterSeed(sessionId, wave)
  return cryptoRng.hash("wave:" .. tostring(sessionId) .. ":" .. tostring(wave or 1))
end

--- Seed for shop restocks: same stock for every player on the same day.
function M.shopSeed(dayIndex)
  return "shop:" .. tostring(dayIndex or 0)
end

return M
