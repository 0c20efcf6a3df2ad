-- Applying an item from the bag to a party member outside battle (INVENTORY_USE).
require("data.constants.game-constants")

local M = {}

-- local copy of the usual helper: the caller's table is never changed
local function clonePokemon(p)
  local out = {}
  for k, v in pairs(p) do
    if type(v) == "table" then
      local inner = {}
      for k2, v2 in pairs(v) do inner[k2] = v2 end
      out[k] = inner
    else
      out[k] = v
    end
  end
  return out
end

local function limit(name, default)
  return (GameConstants and GameConstants[name]) or default
end

local function heal(p, item)
  if p.hp <= 0 then return nil, "cannot heal a fainted Pokemon" end
  local amount = item.heal or 0
  if item.healPercent then amount = math.max(amount, (p.maxHp * item.healPercent) // 100) end
  local before = p.hp
  p.hp = math.min(p.maxHp, p.hp + amount)
  return p.hp - before
end

--- Returns the changed copy of pokemon and a summary, or nil and an error text.
function M.apply(item, pokemon)
  if type(pokemon) ~= "table" or type(pokemon.hp) ~= "number" or type(pokemon.maxHp) ~= "number" then
    return nil, "pokemon with hp and maxHp required"
  end
  local p = clonePokemon(pokemon)
  local summary = { item = item.id }
  if item.kind == "medicine" then
    if item.revivePercent then
      if p.hp > 0 then return nil, "revive needs a fainted Pokemon" end
      p.hp = math.max(1, (p.maxHp * item.revivePercent) // 100)
      p.status = "none"
      summary.revived = true
      return p, summary
    end
    local changed = false
    if item.heal or item.healPercent then
      local healed, err = heal(p, item)
      if not healed then return nil, err end
      summary.healed = healed
      changed = healed > 0
    end
    if item.cures then
      local status = p.status or "none"
      if status ~= "none" and (item.cures == "all" or item.cures == status) then
        p.status = "none"
        summary.cured = status
        changed = true
      end
    end
    if not changed then return nil, "it would have no effect" end
    return p, summary
  elseif item.kind == "vitamin" then
    p.evs = p.evs or {}
    local total = 0
    for _, v in pairs(p.evs) do total = total + v end
    local current = p.evs[item.stat] or 0
    local room = math.min(limit("MAX_EV", 252) - current, limit("MAX_EV_TOTAL", 510) - total)
    if room <= 0 then return nil, "effort for " .. item.stat .. " is at its limit" end
    local gained = math.min(item.ev or 10, room)
    p.evs[item.stat] = current + gained
    summary.evGained = gained
    return p, summary
  elseif item.kind == "candy" then
    local maxLevel = limit("MAX_LEVEL", 100)
    if (p.level or 1) >= maxLevel then return nil, "already at the maximum level" end
    if item.levels then
      p.level = math.min(maxLevel, (p.level or 1) + item.levels)
      summary.level = p.level
    else
      p.exp = (p.exp or 0) + (item.exp or 0)
      summary.exp = p.exp
    end
    return p, summary
  end
  return nil, item.kind .. " items are not used from the bag"
end

return M
