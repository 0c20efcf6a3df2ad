-- Compares a reported state with the last accepted one for the same player:
-- waves never go back, money and levels cannot jump more than a wave allows.
local M = {}

M.MONEY_PER_WAVE = 2500
M.LEVELS_PER_WAVE = 3
M.MAX_PARTY = 6

local lastAccepted = {}

-- local copy: accepted states are kept apart from the caller's message data
local function copyTable(source)
  if type(source) ~= "table" then return source end
  local result = {}
  for k, v in pairs(source) do result[k] = copyTable(v) end
  return result
end

function M.reset()
  lastAccepted = {}
end

function M.last(playerId)
  return lastAccepted[playerId]
end

--- Returns violation texts; previousMoney (from the coordinator) overrides the stored money.
function M.check(playerId, state, previousMoney)
  local problems = {}
  if type(state.party) == "table" and #state.party > M.MAX_PARTY then
    problems[#problems + 1] = "party has " .. #state.party .. " members (max " .. M.MAX_PARTY .. ")"
  end
  if type(state.money) ~= "number" or state.money < 0 then
    problems[#problems + 1] = "money must be a non-negative number"
  end
  local prev = lastAccepted[playerId]
  local wave = tonumber(state.wave) or 1
  local waves = 1
  if prev then
    if wave < prev.wave then
      problems[#problems + 1] = "wave went back from " .. prev.wave .. " to " .. wave
    end
    waves = math.max(1, wave - prev.wave)
  end
  local baseMoney = tonumber(previousMoney) or (prev and prev.money)
  if baseMoney and type(state.money) == "number" and state.money - baseMoney > M.MONEY_PER_WAVE * waves then
    problems[#problems + 1] = string.format("money jumped by %d in %d wave(s) (max %d)",
      math.floor(state.money - baseMoney), waves, M.MONEY_PER_WAVE * waves)
  end
  if prev and type(state.party) == "table" then
    for i, p in ipairs(state.party) do
      local before = prev.levels[p.uid or i]
      if before and type(p.level) == "number" and p.level - before > M.LEVELS_PER_WAVE * waves then
        problems[#problems + 1] = string.format("party[%d] gained %d levels in %d wave(s)", i, p.level - before, waves)
      end
    end
  end
  return problems
end

function M.accept(playerId, state)
  local levels = {}
  for i, p in ipairs(state.party or {}) do levels[p.uid or i] = p.level end
  lastAccepted[playerId] = { wave = tonumber(state.wave) or 1, money = state.money, levels = copyTable(levels) }
end

return M
