-- Rewards when a battle closes: experience for each defeated opponent split among the player's
-- members still standing, prize money for trainer battles, and the berries wild opponents held.
local experience = require("game-logic.progression.experience")
local berries = require("data.items.berry-database")
local trainerRoster = require("battle.components.trainer-roster")

local M = {}

function M.compute(battle)
  local rewards = { experience = {}, money = 0, items = {} }
  if battle.winner ~= "player" then return rewards end
  local standing = {}
  for _, p in ipairs(battle.sides.player.party) do
    if p.currentHp > 0 then standing[#standing + 1] = p end
  end
  local total = 0
  for _, foe in ipairs(battle.sides.opponent.party) do
    if foe.currentHp <= 0 then total = total + experience.expYield(foe, 1, not battle.wild) end
  end
  for _, p in ipairs(standing) do
    rewards.experience[#rewards.experience + 1] = { uid = p.uid, slot = tonumber(p.uid:match("%d+$")), amount = total // #standing }
  end
  if not battle.wild then
    rewards.money = trainerRoster.prizeMoney(battle.trainer, battle.sides.opponent.party)
  else
    -- Wild creatures drop the berry they were holding (never consumed ones).
    for _, foe in ipairs(battle.sides.opponent.party) do
      if foe.heldItem and berries.get(foe.heldItem) then rewards.items[#rewards.items + 1] = foe.heldItem end
    end
    table.sort(rewards.items)
  end
  return rewards
end

return M
