// The 18-type effectiveness chart, written as relations (strong / weak / immune) and
// expanded to a full 18x18 table of multipliers in the generated module.
import { luaModule, luaString } from './lua-writer.mjs';

export const TYPES = ['normal', 'fire', 'water', 'electric', 'grass', 'ice', 'fighting', 'poison', 'ground',
  'flying', 'psychic', 'bug', 'rock', 'ghost', 'dragon', 'dark', 'steel', 'fairy'];

// attacker: [super effective against], [not very effective against], [no effect against]
const RELATIONS = {
  normal: [[], ['rock', 'steel'], ['ghost']],
  fire: [['grass', 'ice', 'bug', 'steel'], ['fire', 'water', 'rock', 'dragon'], []],
  water: [['fire', 'ground', 'rock'], ['water', 'grass', 'dragon'], []],
  electric: [['water', 'flying'], ['electric', 'grass', 'dragon'], ['ground']],
  grass: [['water', 'ground', 'rock'], ['fire', 'grass', 'poison', 'flying', 'bug', 'dragon', 'steel'], []],
  ice: [['grass', 'ground', 'flying', 'dragon'], ['fire', 'water', 'ice', 'steel'], []],
  fighting: [['normal', 'ice', 'rock', 'dark', 'steel'], ['poison', 'flying', 'psychic', 'bug', 'fairy'], ['ghost']],
  poison: [['grass', 'fairy'], ['poison', 'ground', 'rock', 'ghost'], ['steel']],
  ground: [['fire', 'electric', 'poison', 'rock', 'steel'], ['grass', 'bug'], ['flying']],
  flying: [['grass', 'fighting', 'bug'], ['electric', 'rock', 'steel'], []],
  psychic: [['fighting', 'poison'], ['psychic', 'steel'], ['dark']],
  bug: [['grass', 'psychic', 'dark'], ['fire', 'fighting', 'poison', 'flying', 'ghost', 'steel', 'fairy'], []],
  rock: [['fire', 'ice', 'flying', 'bug'], ['fighting', 'ground', 'steel'], []],
  ghost: [['psychic', 'ghost'], ['dark'], ['normal']],
  dragon: [['dragon'], ['steel'], ['fairy']],
  dark: [['psychic', 'ghost'], ['fighting', 'dark', 'fairy'], []],
  steel: [['ice', 'rock', 'fairy'], ['fire', 'water', 'electric', 'steel'], []],
  fairy: [['fighting', 'dragon', 'dark'], ['fire', 'poison', 'steel'], []],
};

export function multiplier(attack, defend) {
  const [strong, weak, immune] = RELATIONS[attack];
  if (immune.includes(defend)) return 0;
  if (strong.includes(defend)) return 2;
  if (weak.includes(defend)) return 0.5;
  return 1;
}

function label(m) {
  return m === 0 ? 'no effect' : m === 2 ? 'super effective' : m === 0.5 ? 'not very effective' : 'neutral';
}

export function typeChartModule() {
  const lines = ['M.types = {'];
  for (const t of TYPES) lines.push(`  ${luaString(t)},`);
  lines.push('}', '', '-- M.chart[attackingType][defendingType] = damage multiplier', 'M.chart = {');
  for (const a of TYPES) {
    lines.push(`  -- ${a} attacks`);
    lines.push(`  ${a} = {`);
    for (const d of TYPES) {
      const m = multiplier(a, d);
      lines.push(`    ${d} = ${m}, -- ${a} vs ${d}: ${label(m)}`);
    }
    lines.push('  },');
  }
  lines.push('}', '');
  lines.push(
    '--- Product of the multipliers against each of the defender\'s types (1 or 2 types).',
    'function M.getEffectiveness(moveType, defenderTypes)',
    '  local row = M.chart[moveType]',
    '  if row == nil then return 1 end',
    '  local result = 1',
    '  for _, t in ipairs(defenderTypes or {}) do',
    '    local m = row[t]',
    '    if m ~= nil then result = result * m end',
    '  end',
    '  return result',
    'end',
  );
  return luaModule('Type effectiveness chart (18 x 18).', lines.join('\n'));
}
