// Economy and security traces (split from build-traces.mjs to keep files short).
import { readFileSync } from 'node:fs';
import { OWNER, pid, trace, ash, misty, brock, gary } from './trace-kit.mjs';

const STAT_KEYS = ['hp', 'attack', 'defense', 'spAttack', 'spDefense', 'speed'];

/** Base stats of a species, read from the generated data (part 1 holds ids 1..90). */
function baseStatsOf(id) {
  const text = readFileSync(new URL('../ao-processes/data/species/species-part-1.lua', import.meta.url), 'utf8');
  const at = text.indexOf(`    id = ${id},\n`);
  const block = text.slice(text.indexOf('baseStats = {', at), text.indexOf('}', text.indexOf('baseStats = {', at)));
  return Object.fromEntries(STAT_KEYS.map((k) => [k, Number(new RegExp(`\\b${k} = (\\d+)`).exec(block)[1])]));
}

/** The stat formulas of game-logic.stats.stat-calculator, for a neutral nature. */
function statsFor(id, level, ivs, evs) {
  const base = baseStatsOf(id);
  const core = (k) => Math.floor(((2 * base[k] + ivs[k] + Math.floor(evs[k] / 4)) * level) / 100);
  return Object.fromEntries(STAT_KEYS.map((k) => [k, k === 'hp' ? core(k) + level + 10 : core(k) + 5]));
}

function economy() {
  const t = trace(1_700_200_000_000);
  t.send(ash, 'Info').send(ash, 'HEALTH_CHECK');
  t.send(OWNER, 'REGISTER_PROCESS', { processes: { coordinator: pid('coordinator'), battle: pid('battle') } });
  t.send(ash, 'GET_BALANCE');
  t.send(ash, 'SHOP_LIST').send(ash, 'SHOP_LIST', { page: 2 }).send(ash, 'SHOP_LIST', { kind: 'ball' });
  t.send(ash, 'SHOP_LIST', { kind: 'berry' }).send(ash, 'SHOP_LIST', { kind: 'medicine' });
  t.fail(ash, 'SHOP_LIST', { kind: 'weapons' }).fail(ash, 'SHOP_LIST', { page: 0 });
  t.send(ash, 'SHOP_PURCHASE', { itemId: 'potion', quantity: 3 });
  t.send(ash, 'SHOP_PURCHASE', { itemId: 'basic-ball', quantity: 5 });
  t.send(ash, 'SHOP_PURCHASE', { itemId: 'oran-berry', quantity: 2 });
  t.send(ash, 'SHOP_PURCHASE', { itemId: 'sitrus-berry' });
  t.send(ash, 'SHOP_PURCHASE', { itemId: 'lum-berry', quantity: 1 });
  t.send(ash, 'GET_BALANCE');
  t.fail(ash, 'SHOP_PURCHASE', { itemId: 'ultra-ball', quantity: 10 });
  t.fail(ash, 'SHOP_PURCHASE', { itemId: 'rare-candy', quantity: 5 });
  t.fail(ash, 'SHOP_PURCHASE', { itemId: 'master-ball' });
  t.fail(ash, 'SHOP_PURCHASE', { itemId: 'amber-shard' });
  t.fail(ash, 'SHOP_PURCHASE', { itemId: 'golden-pokeball' });
  t.fail(ash, 'SHOP_PURCHASE', { itemId: 'potion', quantity: 0 });
  t.fail(ash, 'SHOP_PURCHASE', { itemId: 'potion', quantity: 500 });
  t.fail(ash, 'SHOP_PURCHASE', { quantity: 2 });
  t.fail(ash, 'SHOP_PURCHASE', '{"itemId": "potion", "quantity": }');
  t.fail(ash, 'SHOP_PURCHASE', { itemId: 'potion', quantity: 'many' });
  t.send(ash, 'INVENTORY_GET');
  t.send(ash, 'SHOP_SELL', { itemId: 'basic-ball', quantity: 2 });
  t.fail(ash, 'SHOP_SELL', { itemId: 'great-ball', quantity: 1 });
  t.fail(ash, 'SHOP_SELL', { itemId: 'basic-ball', quantity: 10 });
  t.fail(ash, 'SHOP_SELL', {});
  t.send(ash, 'INVENTORY_USE', { itemId: 'potion', pokemon: { hp: 12, maxHp: 40, status: 'none' } });
  t.send(ash, 'INVENTORY_USE', { itemId: 'potion', pokemon: { hp: 35, maxHp: 40, status: 'none' } });
  t.fail(ash, 'INVENTORY_USE', { itemId: 'potion', pokemon: { hp: 40, maxHp: 40 } });
  t.fail(ash, 'INVENTORY_USE', { itemId: 'potion', pokemon: { hp: 0, maxHp: 40 } });
  t.fail(ash, 'INVENTORY_USE', { itemId: 'potion' });
  t.fail(ash, 'INVENTORY_USE', { itemId: 'basic-ball', pokemon: { hp: 10, maxHp: 40 } });
  t.fail(ash, 'INVENTORY_USE', { itemId: 'super-potion', pokemon: { hp: 10, maxHp: 40 } });
  t.fail(ash, 'INVENTORY_USE', { itemId: 'oran-berry', pokemon: { hp: 10, maxHp: 40 } });
  t.fail(ash, 'INVENTORY_USE', { itemId: 'moon-cheese', pokemon: { hp: 10, maxHp: 40 } });
  t.fail(ash, 'INVENTORY_USE', {});
  t.send(ash, 'BERRY_ACTIVATE', { berryId: 'oran-berry', pokemon: { hp: 30, maxHp: 40, status: 'none' } });
  t.send(ash, 'BERRY_ACTIVATE', { berryId: 'oran-berry', pokemon: { hp: 15, maxHp: 40, status: 'none' } });
  t.send(ash, 'BERRY_ACTIVATE', { berryId: 'sitrus-berry', pokemon: { hp: 9, maxHp: 40, status: 'none' } });
  t.send(ash, 'BERRY_ACTIVATE', { berryId: 'lum-berry', pokemon: { hp: 20, maxHp: 40, status: 'none' } });
  t.send(ash, 'BERRY_ACTIVATE', { berryId: 'lum-berry', pokemon: { hp: 20, maxHp: 40, status: 'burn' } });
  t.fail(ash, 'BERRY_ACTIVATE', { berryId: 'lum-berry', pokemon: { hp: 20, maxHp: 40, status: 'burn' } });
  t.fail(ash, 'BERRY_ACTIVATE', { berryId: 'oran-berry', pokemon: { hp: 10, maxHp: 0 } });
  t.fail(ash, 'BERRY_ACTIVATE', { pokemon: { hp: 10, maxHp: 40 } });
  t.fail(misty, 'BERRY_ACTIVATE', { berryId: 'oran-berry', pokemon: { hp: 10, maxHp: 40 } });
  t.send(ash, 'INVENTORY_GET');
  t.fail(ash, 'ADD_FUNDS', { playerId: ash, amount: 100000 });
  t.send(OWNER, 'ADD_FUNDS', { playerId: ash, amount: 5000, reason: 'event prize' });
  t.send(pid('battle'), 'ADD_FUNDS', { playerId: ash, amount: 400, reason: 'battle reward' });
  t.fail(pid('pokemon'), 'ADD_FUNDS', { playerId: ash, amount: 400 });
  t.fail(OWNER, 'ADD_FUNDS', { playerId: ash, amount: -50 });
  t.fail(OWNER, 'ADD_FUNDS', { playerId: ash, amount: 1000000 });
  t.fail(OWNER, 'ADD_FUNDS', { amount: 10 });
  t.send(ash, 'GET_BALANCE');
  t.send(ash, 'SHOP_PURCHASE', { itemId: 'rare-candy', quantity: 1 });
  t.send(ash, 'INVENTORY_USE', { itemId: 'rare-candy', pokemon: { hp: 30, maxHp: 40, level: 12 } });
  t.send(ash, 'SHOP_PURCHASE', { itemId: 'full-heal', quantity: 1 });
  t.send(ash, 'INVENTORY_USE', { itemId: 'full-heal', pokemon: { hp: 30, maxHp: 40, status: 'poison' } });
  t.send(OWNER, 'GET_BALANCE', { playerId: ash });
  t.fail(misty, 'GET_BALANCE', { playerId: ash });
  t.send(pid('coordinator'), 'SESSION_NOTIFY', { event: 'start', playerId: brock, money: 3000 });
  t.fail(gary, 'SESSION_NOTIFY', { event: 'start', playerId: gary, money: 999999 });
  t.send(brock, 'GET_BALANCE');
  t.send(brock, 'SHOP_PURCHASE', { itemId: 'great-ball', quantity: 4 });
  t.fail(brock, 'SHOP_PURCHASE', { itemId: 'great-ball', quantity: 2 });
  t.send(brock, 'SHOP_PURCHASE', { itemId: 'potion', quantity: 1 });
  // evolution stones: 1..3 units a day for everyone
  t.send(OWNER, 'ADD_FUNDS', { playerId: misty, amount: 20000, reason: 'stone test' });
  t.send(misty, 'SHOP_LIST', { kind: 'evolution' });
  t.send(misty, 'SHOP_PURCHASE', { itemId: 'fire-stone', quantity: 1 });
  t.fail(misty, 'SHOP_PURCHASE', { itemId: 'fire-stone', quantity: 3 });
  // eggs: bought with the balance, hatched once their time has passed (message timestamps)
  t.send(OWNER, 'ADD_FUNDS', { playerId: brock, amount: 6000, reason: 'egg event' });
  t.send(brock, 'EGG_PURCHASE', { tier: 'common' }).send(brock, 'EGG_PURCHASE', { tier: 'rare' });
  t.fail(brock, 'EGG_PURCHASE', { tier: 'epic' });
  t.fail(brock, 'EGG_PURCHASE', { tier: 'legendary' });
  t.send(brock, 'EGG_LIST');
  t.fail(brock, 'EGG_HATCH', { index: 1 });
  t.skip(60_000).send(brock, 'EGG_HATCH', { index: 1 });
  t.fail(brock, 'EGG_HATCH', { index: 1 });
  t.skip(60_000).send(brock, 'EGG_HATCH', { index: 1 });
  t.fail(brock, 'EGG_HATCH', { index: 1 });
  t.fail(brock, 'EGG_HATCH', { eggId: 'egg-forged' });
  t.fail(brock, 'EGG_HATCH', {});
  t.send(brock, 'EGG_LIST');
  t.send(ash, 'HEALTH_CHECK');
  return t;
}

function security() {
  const t = trace(1_700_300_000_000);
  t.send(ash, 'Info').send(ash, 'HEALTH_CHECK');
  t.send(OWNER, 'REGISTER_PROCESS', { processes: { coordinator: pid('coordinator'), battle: pid('battle'), economy: pid('economy') } });
  const ivs = { hp: 31, attack: 20, defense: 15, spAttack: 10, spDefense: 5, speed: 25 };
  const evs = { hp: 4, attack: 8, defense: 0, spAttack: 0, spDefense: 0, speed: 12 };
  const mon = (speciesId, level, extra = {}) => ({ uid: `u${speciesId}`, speciesId, level, nature: 'hardy', ivs, evs, ...extra });
  t.send(ash, 'VALIDATE_STATE', { state: { wave: 1, money: 3000, party: [mon(1, 5, { moves: [15, 33] })] } });
  t.send(ash, 'VALIDATE_STATE', { state: { wave: 2, money: 3400, party: [mon(1, 7, { stats: statsFor(1, 7, ivs, evs) }), mon(4, 5, { stats: statsFor(4, 5, ivs, evs) })] } });
  t.fail(ash, 'VALIDATE_STATE', { state: { wave: 2, money: 3400, party: [mon(1, 7, { stats: { ...statsFor(1, 7, ivs, evs), speed: statsFor(1, 7, ivs, evs).speed + 1 } })] } });
  t.fail(ash, 'VALIDATE_STATE', { state: { wave: 3, money: 99999, party: [mon(1, 7)] } });
  t.fail(ash, 'VALIDATE_STATE', { state: { wave: 1, money: 3400, party: [mon(1, 7)] } });
  t.fail(ash, 'VALIDATE_STATE', { state: { wave: 3, money: 3500, party: [mon(1, 40)] } });
  t.fail(ash, 'VALIDATE_STATE', { state: { wave: 3, money: 3500, party: [mon(1, 101)] } });
  t.fail(ash, 'VALIDATE_STATE', { state: { wave: 3, money: 3500, party: [mon(1, 8, { ivs: { ...ivs, attack: 40 } })] } });
  t.fail(ash, 'VALIDATE_STATE', { state: { wave: 3, money: 3500, party: [mon(1, 8, { evs: { hp: 252, attack: 252, speed: 252 } })] } });
  t.fail(ash, 'VALIDATE_STATE', { state: { wave: 3, money: 3500, party: [mon(99999, 8)] } });
  // species 1 learns move 15 at level 1 and move 121 only at level 27
  t.fail(ash, 'VALIDATE_STATE', { state: { wave: 3, money: 3500, party: [mon(1, 8, { moves: [15, 121] })] } });
  t.fail(ash, 'VALIDATE_STATE', { state: { wave: 3, money: 3500, party: [mon(1, 8, { moves: [15, 15] })] } });
  t.fail(ash, 'VALIDATE_STATE', { state: { wave: 3, money: 3500, party: [mon(1, 8, { moves: [15, 33, 9999] })] } });
  t.fail(ash, 'VALIDATE_STATE', { state: { wave: 3, money: 3500, party: [mon(1, 8, { nature: 'sneaky' })] } });
  t.fail(ash, 'VALIDATE_STATE', { state: { wave: 3, money: 3500, party: [mon(1, 8, { stats: { hp: 999, attack: 999, defense: 999, spAttack: 999, spDefense: 999, speed: 999 } })] } });
  t.fail(ash, 'VALIDATE_STATE', { state: { wave: 3, money: 3500, party: [1, 2, 3, 4, 5, 6, 7].map((i) => mon(i, 5)) } });
  t.fail(ash, 'VALIDATE_STATE', { state: { wave: 3, money: -1 } });
  t.fail(ash, 'VALIDATE_STATE', {});
  t.fail(ash, 'VALIDATE_STATE', '{"state": [}');
  t.send(pid('coordinator'), 'VALIDATE_STATE', { playerId: misty, previousMoney: 3000, state: { wave: 1, money: 3200, party: [mon(7, 5)] } }, { tags: { 'Correlation-Id': 'security-0001' } });
  t.fail(pid('coordinator'), 'VALIDATE_STATE', { playerId: misty, previousMoney: 3200, state: { wave: 2, money: 60000, party: [mon(7, 6)] } }, { tags: { 'Correlation-Id': 'security-0002' } });
  t.fail(gary, 'VALIDATE_STATE', { playerId: misty, state: { wave: 1, money: 0 } });
  // damage audits: the battle 'ash-wild-1' of traces/battle.jsonl, turn 1 (move 15 dealt 9)
  const atk = { speciesId: 1, level: 14, seed: 'ash-wild-1:player:1' };
  const def = { speciesId: 7, level: 13, seed: 'ash-wild-1:opponent:1' };
  t.send(misty, 'VALIDATE_DAMAGE', { attacker: atk, defender: def, moveId: 15, damage: 9, weather: 'sun' });
  t.fail(misty, 'VALIDATE_DAMAGE', { attacker: atk, defender: def, moveId: 15, damage: 90, weather: 'sun' });
  t.fail(misty, 'VALIDATE_DAMAGE', { attacker: atk, defender: def, moveId: 99999, damage: 9 });
  t.fail(misty, 'VALIDATE_DAMAGE', { attacker: { speciesId: 99999, level: 5 }, defender: def, moveId: 15, damage: 9 });
  t.fail(misty, 'VALIDATE_DAMAGE', { defender: def, moveId: 15, damage: 9 });
  // ash has 5+ rejected states by now: flagged, every action refused
  t.fail(ash, 'VALIDATE_ACTION', { action: 'BATTLE_COMMAND', details: { battleId: 'b1', moveIndex: 2 } });
  t.send(misty, 'VALIDATE_ACTION', { action: 'BATTLE_COMMAND', details: { battleId: 'b1', moveIndex: 2 } });
  t.send(misty, 'VALIDATE_ACTION', { action: 'SHOP_PURCHASE', details: { itemId: 'potion', quantity: 3 } });
  t.send(misty, 'VALIDATE_ACTION', { action: 'SWITCH', details: { battleId: 'b1', slot: 2 } });
  t.fail(misty, 'VALIDATE_ACTION', { action: 'BATTLE_COMMAND', details: { battleId: 'b1', moveIndex: 7 } });
  t.fail(misty, 'VALIDATE_ACTION', { action: 'BATTLE_COMMAND', details: { moveIndex: 1 } });
  t.fail(misty, 'VALIDATE_ACTION', { action: 'TELEPORT', details: {} });
  t.fail(misty, 'VALIDATE_ACTION', {});
  // rate limit: 8 actions per 10 s window (messages are 1 s apart), the 9th and 10th are refused
  for (let i = 0; i < 10; i++) {
    if (i < 8) t.send(brock, 'VALIDATE_ACTION', { action: 'USE_ITEM', details: { itemId: 'potion' } });
    else t.fail(brock, 'VALIDATE_ACTION', { action: 'USE_ITEM', details: { itemId: 'potion' } });
  }
  t.skip(10_000).send(brock, 'VALIDATE_ACTION', { action: 'USE_ITEM', details: { itemId: 'potion' } });
  t.send(pid('battle'), 'REPORT_VIOLATION', { playerId: gary, kind: 'impossible_damage', details: { damage: 9999 } });
  t.send(pid('economy'), 'REPORT_VIOLATION', { playerId: gary, kind: 'duplicate_item', details: { itemId: 'master-ball' } });
  t.send(OWNER, 'REPORT_VIOLATION', { playerId: gary, kind: 'speed_hack' });
  t.send(pid('battle'), 'REPORT_VIOLATION', { playerId: gary, kind: 'other' });
  t.send(pid('battle'), 'REPORT_VIOLATION', { playerId: gary, kind: 'impossible_damage' });
  t.fail(gary, 'REPORT_VIOLATION', { playerId: ash, kind: 'speed_hack' });
  t.fail(pid('battle'), 'REPORT_VIOLATION', { kind: 'other' });
  t.fail(pid('battle'), 'REPORT_VIOLATION', { playerId: gary, kind: 'bad_vibes' });
  t.fail(gary, 'VALIDATE_ACTION', { action: 'USE_ITEM', details: { itemId: 'potion' } });
  t.send(ash, 'GET_VIOLATIONS').send(gary, 'GET_VIOLATIONS');
  t.send(OWNER, 'GET_VIOLATIONS', { playerId: gary }).send(OWNER, 'GET_VIOLATIONS', { all: true });
  t.fail(ash, 'GET_VIOLATIONS', { playerId: gary });
  t.fail(ash, 'GET_VIOLATIONS', { all: true });
  t.send(ash, 'HEALTH_CHECK');
  return t;
}

export const builders = { economy, security };
