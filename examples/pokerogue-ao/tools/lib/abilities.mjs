// Abilities: ~120 records, each of one effect kind that game-logic.battle.ability-effects implements.
import { luaModule, recordList } from './lua-writer.mjs';
import { TYPES } from './type-chart.mjs';

const WORDS_A = ['ember', 'tide', 'storm', 'thorn', 'frost', 'iron', 'venom', 'stone', 'sky', 'mind', 'swarm',
  'shadow', 'scale', 'night', 'steel', 'glimmer', 'quick', 'stout'];
const WORDS_B = ['heart', 'guard', 'veil', 'surge', 'skin', 'will', 'sense', 'body', 'spirit', 'aura', 'claws', 'mantle', 'pulse'];
const STATUSES = ['burn', 'poison', 'paralysis', 'sleep', 'freeze'];
const WEATHERS = ['sun', 'rain', 'sand', 'hail'];
const WEATHER_TYPE = { sun: 'fire', rain: 'water', sand: 'rock', hail: 'ice' };

function effectFor(index, rng) {
  const t = TYPES[index % TYPES.length];
  switch (index % 11) {
    case 0: return [{ kind: 'type_boost_low_hp', type: t, threshold: 33, multiplier: 1.5 }, `boosts ${t} moves by 50% when HP is at or below a third`];
    case 1: { const s = STATUSES[index % 5]; return [{ kind: 'status_immunity', status: s }, `cannot be afflicted with ${s}`]; }
    case 2: { const stat = rng.pick(['attack', 'spAttack']); return [{ kind: 'stat_multiplier', stat, multiplier: 1.2 }, `raises ${stat} by 20% in battle`]; }
    case 3: { const s = rng.pick(['burn', 'poison', 'paralysis']); return [{ kind: 'contact_status', status: s, chance: 30 }, `30% chance to inflict ${s} on attackers that make contact`]; }
    case 4: { const w = WEATHERS[index % 4]; return [{ kind: 'weather_on_entry', weather: w, turns: 5 }, `summons ${w} for five turns on entry`]; }
    case 5: { const w = WEATHERS[(index + 1) % 4]; return [{ kind: 'speed_in_weather', weather: w, multiplier: 2 }, `doubles speed in ${w}`]; }
    case 6: return [{ kind: 'crit_boost', stages: 1 }, 'raises the critical-hit stage of its moves by one'];
    case 7: return [{ kind: 'filter', multiplier: 0.75 }, 'takes 25% less damage from super-effective moves'];
    case 8: return [{ kind: 'regenerate', fraction: 16 }, 'restores 1/16 of max HP at the end of each turn'];
    case 9: { const imm = rng.pick(['ground', 'electric', 'water', 'fire']); return [{ kind: 'type_immunity', type: imm }, `immune to ${imm} moves`]; }
    default: return [{ kind: 'stab_boost', multiplier: 2 }, 'same-type attack bonus is doubled instead of 1.5x'];
  }
}

export function buildAbilities(rng) {
  const out = [];
  const used = new Set();
  for (let i = 0; out.length < 121; i++) {
    // Walk the word grid diagonally so neighbouring abilities do not share words.
    const name = `${WORDS_A[i % WORDS_A.length]}-${WORDS_B[(i + Math.floor(i / WORDS_A.length)) % WORDS_B.length]}`;
    if (used.has(name)) continue;
    used.add(name);
    const [effect, text] = effectFor(out.length, rng);
    out.push({ id: name, name: name.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(' '), effect, description: text });
  }
  return out;
}

/** holders: ability id -> species names that can have it (a reverse index for readers). */
export function abilitiesModule(abilities, holders = new Map()) {
  const holderText = (id) => {
    const names = holders.get(id) ?? [];
    return names.length ? `Found on ${names.length} species: ${names.join(', ')}.` : 'Found on no species yet.';
  };
  const body = [
    recordList('list', abilities, (a) => `${a.id}: ${a.description}\n  -- ${holderText(a.id)}`),
    '',
    'M.byId = {}',
    'for _, ability in ipairs(M.list) do M.byId[ability.id] = ability end',
    '',
    'function M.get(id)',
    '  return M.byId[id]',
    'end',
    '',
    'function M.count()',
    '  return #M.list',
    'end',
  ].join('\n');
  return luaModule('Ability data.', body);
}
