// Items (balls, medicine, evolution stones, held items, vitamins, treasures) and berries.
import { luaModule, recordList } from './lua-writer.mjs';

const STATS = ['hp', 'attack', 'defense', 'spAttack', 'spDefense', 'speed'];
const TREASURE_WORDS = ['amber', 'opal', 'jade', 'garnet', 'pearl', 'topaz', 'onyx', 'coral', 'ivory', 'cobalt'];
const TREASURE_SHAPES = ['shard', 'idol', 'coin', 'relic', 'feather'];

export function buildItems(rng, types) {
  const items = [];
  const add = (r, text) => items.push({ ...r, __text: text });
  add({ id: 'basic-ball', kind: 'ball', price: 200, catchBonus: 1 }, 'A plain capture ball.');
  add({ id: 'great-ball', kind: 'ball', price: 600, catchBonus: 1.5 }, 'A better capture ball.');
  add({ id: 'ultra-ball', kind: 'ball', price: 1200, catchBonus: 2 }, 'A high-performance capture ball.');
  add({ id: 'mesh-ball', kind: 'ball', price: 1000, catchBonus: 1, typeBonus: { types: ['bug', 'water'], multiplier: 3.5 } }, 'Works well on bug and water creatures.');
  add({ id: 'twilight-ball', kind: 'ball', price: 1000, catchBonus: 1, typeBonus: { types: ['dark', 'ghost'], multiplier: 3 } }, 'Works well on dark and ghost creatures.');
  add({ id: 'master-ball', kind: 'ball', price: 0, catchBonus: 255, sellable: false }, 'Never fails.');
  add({ id: 'potion', kind: 'medicine', price: 300, heal: 20 }, 'Restores 20 HP.');
  add({ id: 'super-potion', kind: 'medicine', price: 700, heal: 60 }, 'Restores 60 HP.');
  add({ id: 'mega-potion', kind: 'medicine', price: 1200, heal: 120 }, 'Restores 120 HP.');
  add({ id: 'full-potion', kind: 'medicine', price: 2500, healPercent: 100 }, 'Restores all HP.');
  add({ id: 'complete-remedy', kind: 'medicine', price: 3000, healPercent: 100, cures: 'all' }, 'Restores all HP and cures status.');
  for (const [id, st] of [['antidote', 'poison'], ['burn-salve', 'burn'], ['nerve-tonic', 'paralysis'], ['wake-tonic', 'sleep'], ['thaw-salve', 'freeze']]) {
    add({ id, kind: 'medicine', price: 250, cures: st }, `Cures ${st}.`);
  }
  add({ id: 'full-heal', kind: 'medicine', price: 600, cures: 'all' }, 'Cures any status.');
  add({ id: 'revive', kind: 'medicine', price: 2000, revivePercent: 50 }, 'Revives a fainted creature with half HP.');
  for (const t of types) add({ id: `${t}-stone`, kind: 'evolution', price: 3000, type: t }, `Makes certain ${t} creatures evolve.`);
  for (const t of types) add({ id: `${t}-charm`, kind: 'held', price: 1500, effect: { kind: 'type_boost', type: t, multiplier: 1.2 } }, `Held: boosts ${t} moves by 20%.`);
  add({ id: 'everroot', kind: 'held', price: 4000, effect: { kind: 'end_turn_heal', fraction: 16 } }, 'Held: restores 1/16 HP each turn.');
  add({ id: 'brace-sash', kind: 'held', price: 4000, effect: { kind: 'survive_ko', fromFull: true } }, 'Held: survives a knock-out blow from full HP once.');
  add({ id: 'power-band', kind: 'held', price: 4500, effect: { kind: 'stat_multiplier', stat: 'attack', multiplier: 1.5 } }, 'Held: attack x1.5.');
  add({ id: 'power-specs', kind: 'held', price: 4500, effect: { kind: 'stat_multiplier', stat: 'spAttack', multiplier: 1.5 } }, 'Held: special attack x1.5.');
  add({ id: 'swift-scarf', kind: 'held', price: 4500, effect: { kind: 'stat_multiplier', stat: 'speed', multiplier: 1.5 } }, 'Held: speed x1.5.');
  add({ id: 'keen-lens', kind: 'held', price: 3000, effect: { kind: 'crit_boost', stages: 1 } }, 'Held: critical-hit stage +1.');
  add({ id: 'vital-orb', kind: 'held', price: 5000, effect: { kind: 'damage_boost_recoil', multiplier: 1.3, recoilFraction: 10 } }, 'Held: damage x1.3, loses 1/10 HP per hit.');
  for (const s of STATS) add({ id: `${s.toLowerCase()}-vitamin`, kind: 'vitamin', price: 9800, stat: s, ev: 10 }, `Raises ${s} effort by 10.`);
  add({ id: 'rare-candy', kind: 'candy', price: 4800, levels: 1 }, 'Raises level by one.');
  add({ id: 'exp-candy', kind: 'candy', price: 2000, exp: 1000 }, 'Gives 1000 experience points.');
  for (const w of TREASURE_WORDS) {
    for (const shape of TREASURE_SHAPES) {
      const price = rng.pick([500, 1000, 1500, 2500, 5000, 7500]);
      add({ id: `${w}-${shape}`, kind: 'treasure', price, sellOnly: true }, `A ${w} ${shape}; sells for ${price / 2}.`);
    }
  }
  return items.map((it) => ({ ...it, name: it.id.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') }));
}

// oran, sitrus, rawst and lum keep the ids part B's traces and economy code use.
const HEAL_BERRIES = [['oran', 50, { kind: 'heal', amount: 10 }], ['sitrus', 50, { kind: 'heal_percent', percent: 25 }],
  ['sweet', 25, { kind: 'heal_percent', percent: 33 }], ['sour', 25, { kind: 'heal_percent', percent: 33 }],
  ['bitter', 25, { kind: 'heal_percent', percent: 33 }], ['dry', 25, { kind: 'heal_percent', percent: 33 }]];
const STATUS_BERRIES = [['nerve', 'paralysis'], ['wake', 'sleep'], ['purge', 'poison'], ['rawst', 'burn'], ['thaw', 'freeze'], ['lum', 'any']];
const PINCH_BERRIES = [['might', 'attack'], ['guard', 'defense'], ['dash', 'speed'], ['focus', 'spAttack'], ['calm', 'spDefense']];
const RESIST_TYPES = ['fire', 'water', 'electric', 'grass', 'ice', 'fighting', 'poison', 'ground', 'flying', 'psychic',
  'bug', 'rock', 'ghost', 'dragon', 'dark', 'steel', 'fairy', 'normal'];

export function buildBerries(rng) {
  const out = [];
  for (const [n, threshold, effect] of HEAL_BERRIES) out.push({ id: `${n}-berry`, trigger: 'hp_below', threshold, effect, price: rng.pick([100, 200, 300]) });
  for (const [n, status] of STATUS_BERRIES) out.push({ id: `${n}-berry`, trigger: 'status', status, effect: { kind: 'cure', status }, price: rng.pick([150, 250]) });
  for (const [n, stat] of PINCH_BERRIES) out.push({ id: `${n}-berry`, trigger: 'hp_below', threshold: 25, effect: { kind: 'stat_boost', stat, stages: 1 }, price: 1000 });
  for (const t of RESIST_TYPES) out.push({ id: `${t}-ward-berry`, trigger: 'super_effective', type: t, effect: { kind: 'halve_damage', type: t }, price: 500 });
  return out.map((b) => ({ ...b, name: b.id.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') }));
}

function indexFunctions(listName) {
  return [
    '',
    'M.byId = {}',
    'M.sortedIds = {}',
    `for _, entry in ipairs(M.${listName}) do`,
    '  M.byId[entry.id] = entry',
    '  M.sortedIds[#M.sortedIds + 1] = entry.id',
    'end',
    'table.sort(M.sortedIds)',
    '',
    'function M.get(id)',
    '  return M.byId[id]',
    'end',
    '',
    'function M.count()',
    `  return #M.${listName}`,
    'end',
    '',
    '--- Ids in alphabetical order (stable across builds).',
    'function M.ids()',
    '  local out = {}',
    '  for i, id in ipairs(M.sortedIds) do out[i] = id end',
    '  return out',
    'end',
  ].join('\n');
}

// "Shop: buy 300, sell 150." / "Shop: not sold; sells for 250." / "Shop: cannot be bought or sold."
function shopText(i) {
  if (i.sellable === false || !i.price) return 'Shop: cannot be bought or sold.';
  if (i.sellOnly) return `Shop: not sold; sells for ${Math.floor(i.price / 2)}.`;
  return `Shop: buy ${i.price}, sell ${Math.floor(i.price / 2)}; kind ${i.kind}.`;
}

export function itemsModule(items) {
  return luaModule('Item data (balls, medicine, evolution stones, held items, vitamins, treasures).',
    recordList('items', items, (i) => `${i.id}: ${i.__text}\n  -- ${shopText(i)}`) + '\n' + indexFunctions('items'));
}

export function berriesModule(berries) {
  const describe = (b) => b.trigger === 'hp_below' ? `activates below ${b.threshold}% HP (${b.effect.kind})`
    : b.trigger === 'status' ? `cures ${b.status}` : `halves one super-effective ${b.type} hit`;
  return luaModule('Berry data: activation triggers and thresholds.',
    recordList('berries', berries, (b) => `${b.id}: ${describe(b)}`) + '\n' + indexFunctions('berries'));
}
