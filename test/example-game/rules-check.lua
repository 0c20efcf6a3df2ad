-- Game-rule checks run inside aos by rules.test.ts; returns "OK" or the failed checks.
local failures = {}
local function check(name, cond, detail)
  if not cond then failures[#failures + 1] = name .. (detail and (": " .. tostring(detail)) or "") end
end

local typeEff = require("game-logic.battle.type-effectiveness")
local stat = require("game-logic.stats.stat-calculator")
local stages = require("game-logic.stats.stat-stages")
local dmg = require("game-logic.battle.damage-calculator")
local crit = require("game-logic.battle.critical-hits")
local order = require("game-logic.battle.turn-order")
local status = require("game-logic.battle.status-effects")
local effects = require("game-logic.battle.move-effects")
local factory = require("game-logic.pokemon.pokemon-factory")
local party = require("game-logic.pokemon.party-manager")
local capture = require("game-logic.pokemon.capture")
local evolution = require("game-logic.pokemon.evolution")
local learning = require("game-logic.pokemon.move-learning")
local exp = require("game-logic.progression.experience")
local berries = require("game-logic.items.berry-activation")
local held = require("game-logic.items.held-items")
local inventory = require("game-logic.items.inventory")
local shop = require("game-logic.items.shop-pricing")
local weather = require("game-logic.environment.weather")
local growth = require("data.constants.growth-rates")
local rngLib = require("game-logic.rng.battle-rng")

-- Type chart.
check("fire>grass", typeEff.getMultiplier("fire", { "grass" }) == 2)
check("electric>ground=0", typeEff.getMultiplier("electric", { "ground" }) == 0)
check("water>fire+rock=4", typeEff.getMultiplier("water", { "fire", "rock" }) == 4)
check("grass>fire+flying=0.25", typeEff.getMultiplier("grass", { "fire", "flying" }) == 0.25)

-- Stat formulas (base/IV/EV/nature/level).
check("hp formula", stat.calcHP(45, 31, 0, 50) == 120, stat.calcHP(45, 31, 0, 50))
check("stat formula +nature", stat.calcStat(49, 31, 0, 50, 1.1) == 75, stat.calcStat(49, 31, 0, 50, 1.1))
check("stat formula EVs", stat.calcStat(100, 31, 252, 100, 1) == 299, stat.calcStat(100, 31, 252, 100, 1))
check("stage +2", stages.multiplier(2) == 2 and stages.multiplier(-2) == 0.5)
check("base damage", dmg.baseDamage(50, 80, 100, 100) == 37, dmg.baseDamage(50, 80, 100, 100))
check("crit stage 3 always", crit.roll(3, rngLib.create("x")) == true)

-- Damage: STAB, effectiveness and the 85..100 roll bound the result.
local a = factory.create(1, 50, { seed = "a", moves = { 1 } })
local d = factory.create(5, 50, { seed = "d" })
a.types, d.types, a.ability, d.ability = { "fire" }, { "normal" }, nil, nil -- neutral matchup, no abilities
local move = { id = 0, type = "fire", category = "physical", power = 80, accuracy = 100 }
local lo, hi, crits, allStab = math.huge, 0, 0, true
local gen = rngLib.create("damage")
for _ = 1, 300 do
  local r = dmg.calculate(a, d, move, gen, {})
  if r.critical then
    crits = crits + 1
  else
    lo = math.min(lo, r.damage)
    hi = math.max(hi, r.damage)
  end
  allStab = allStab and r.stab
end
check("stab flag", allStab)
check("crit rate about 1/24", crits >= 3 and crits <= 30, crits)
d.types = { "ghost" }
check("normal vs ghost is 0", dmg.calculate(a, d, { type = "normal", category = "physical", power = 80 }, gen, {}).damage == 0)
d.types = { "normal" }
check("roll spread", lo < hi and lo >= math.floor(hi * 0.85) - 1, lo .. ".." .. hi)
local g1, g2 = rngLib.create("same"), rngLib.create("same")
check("damage deterministic", dmg.calculate(a, d, move, g1, {}).damage == dmg.calculate(a, d, move, g2, {}).damage)
check("rain boosts water", weather.damageMultiplier("rain", "water") == 1.5 and weather.damageMultiplier("sun", "water") == 0.5)

-- Turn order: priority, then speed, ties by RNG (deterministic per seed).
local sorted = order.sortActions({ { kind = "move", priority = 0, speed = 200, id = "fast" },
  { kind = "move", priority = 1, speed = 10, id = "quick" }, { kind = "switch", speed = 1, id = "switch" } }, rngLib.create("o"))
check("order", sorted[1].id == "switch" and sorted[2].id == "quick" and sorted[3].id == "fast")
local function tieOrder(seed)
  local s = order.sortActions({ { kind = "move", speed = 50, id = "x" }, { kind = "move", speed = 50, id = "y" } }, rngLib.create(seed))
  return s[1].id
end
check("tie deterministic", tieOrder("t1") == tieOrder("t1"))
local firsts = {}
for i = 1, 20 do firsts[tieOrder("tie" .. i)] = true end
check("tie uses rng", firsts.x and firsts.y)

-- Status effects.
local p = factory.create(1, 50, { seed = "s" })
p.types = { "normal" }
check("burn applies", status.apply(p, "burn", rngLib.create("b")) == true)
check("no double status", status.apply(p, "poison", rngLib.create("b")) == false)
local before = p.currentHp
status.endOfTurn(p)
check("burn 1/16", before - p.currentHp == p.stats.hp // 16)
check("burn halves physical", status.attackModifier(p, { category = "physical" }) == 0.5)
status.cure(p)
status.apply(p, "paralysis", rngLib.create("b"))
check("paralysis halves speed", status.effectiveSpeed(p) == math.floor(p.stats.speed * 0.5))
status.cure(p)
p.types = { "fire" }
check("fire immune to burn", status.apply(p, "burn", rngLib.create("b")) == false)
p.types = { "normal" }
status.apply(p, "sleep", rngLib.create("z"))
local slept = 0
while p.status == "sleep" and slept < 5 do
  status.canAct(p, rngLib.create("z" .. slept))
  slept = slept + 1
end
check("sleep 1..3 turns", slept >= 1 and slept <= 3, slept)
local target = factory.create(1, 50, { seed = "t" })
local drain = { effect = { kind = "drain", fraction = 2 } }
a.currentHp = a.currentHp - 20
local hpBefore = a.currentHp
effects.applySecondary(drain, a, target, 30, rngLib.create("e"))
check("drain heals half", a.currentHp - hpBefore == 15)

-- Capture.
local wild = factory.create(1, 10, { seed = "w" })
check("master ball", capture.attempt(wild, 255, rngLib.create("c")).caught == true)
local full = capture.catchValue(wild, 1)
wild.currentHp = 1
check("low hp easier", capture.catchValue(wild, 1) > full)
wild.status = "sleep"
check("sleep bonus", capture.catchValue(wild, 1) > capture.catchValue(factory.create(1, 10, { seed = "w" }), 1))

-- Evolution, experience, learning.
local e = factory.create(1, 22, { seed = "e" })
check("too low to evolve", evolution.canEvolve(e, { kind = "level" }) == false)
local gained = exp.gain(e, growth.expForLevel(e.growthRate, 23) - e.exp)
check("level up to 23", gained.to == 23 and e.level == 23, gained.to)
check("can evolve at 23", gained.canEvolve == true)
local hpBeforeEvo = e.stats.hp
check("evolves", evolution.evolve(e).to == 2 and e.speciesId == 2 and e.stats.hp > hpBeforeEvo)
check("already known", learning.learn(e, e.moves[1].id) == false)
check("level from exp", growth.levelForExp("medium_fast", 125) == 5 and growth.levelForExp("medium_fast", 124) == 4)

-- Party rules.
local team = {}
for i = 1, 6 do party.add(team, factory.create(1, 5, { seed = "p" .. i })) end
check("party max 6", select(2, party.add(team, factory.create(1, 5, {}))) == "PARTY_FULL")
check("swap", party.swap(team, 1, 6) == true and party.swap(team, 1, 7) == false)
local one = { team[1] }
check("cannot release last", select(2, party.release(one, 1)) == "LAST_MEMBER")

-- Items: berries, held items, inventory, shop.
local holder = factory.create(1, 50, { seed = "h", heldItem = "sitrus-berry" })
check("berry waits", berries.check(holder) == nil)
holder.currentHp = holder.stats.hp // 2
local ev = berries.check(holder)
check("sitrus at 50%", ev ~= nil and ev.healed == holder.stats.hp * 25 // 100 and holder.heldItem == nil)
local charmed = factory.create(1, 50, { seed = "c", heldItem = "fire-charm" })
check("charm boost", held.damageMultiplier(charmed, { type = "fire" }) == 1.2 and held.damageMultiplier(charmed, { type = "water" }) == 1)
local inv = inventory.new()
check("inventory add", inventory.add(inv, "potion", 98) == true)
check("stack limit", select(2, inventory.add(inv, "potion", 2)) == "STACK_LIMIT")
check("unknown item", select(2, inventory.add(inv, "no-such-item", 1)) == "UNKNOWN_ITEM")
check("remove too many", select(2, inventory.remove(inv, "potion", 99)) == "NOT_ENOUGH_ITEMS")
check("buy price", shop.buyPrice("potion", 3) == 900 and shop.buyPrice("potion", 2, { discountPercent = 10 }) == 540)
check("sell half", shop.sellPrice("potion", 2) == 300)
check("treasure sell only", select(2, shop.buyPrice("amber-shard", 1)) == "NOT_FOR_SALE")

-- Biome encounters: pool members only, deterministic per seed, a boss every 10th wave.
local biomes = require("game-logic.environment.biome-encounters")
local ids = biomes.ids()
check("30 biomes", #ids == 30, #ids)
local allInPool = true
for i = 1, 50 do
  local enc = biomes.rollEncounter(ids[1], i % 9 + 1, rngLib.create("enc" .. i))
  allInPool = allInPool and biomes.canAppear(ids[1], enc.speciesId) and not enc.boss
end
check("encounters from the pool", allInPool)
local e1 = biomes.rollEncounter(ids[2], 3, rngLib.create("same"))
local e2 = biomes.rollEncounter(ids[2], 3, rngLib.create("same"))
check("encounter deterministic", e1.speciesId == e2.speciesId and e1.level == e2.level)
check("boss wave", biomes.rollEncounter(ids[3], 20, rngLib.create("b")).boss == true)
check("unknown biome", select(2, biomes.rollEncounter("nowhere", 1, rngLib.create("b"))) == "UNKNOWN_BIOME")

if #failures == 0 then return "OK" end
return table.concat(failures, "\n")
