// The 25 natures: each raises one battle stat by 10 % and lowers another by 10 %
// (the five with the same stat twice are neutral).
import { luaModule, luaValue } from './lua-writer.mjs';

const STATS = ['attack', 'defense', 'speed', 'spAttack', 'spDefense'];
const NAMES = [
  ['hardy', 'lonely', 'brave', 'adamant', 'naughty'],
  ['bold', 'docile', 'relaxed', 'impish', 'lax'],
  ['timid', 'hasty', 'serious', 'jolly', 'naive'],
  ['modest', 'mild', 'quiet', 'bashful', 'rash'],
  ['calm', 'gentle', 'sassy', 'careful', 'quirky'],
];

export function naturesModule() {
  const lines = ['M.natures = {'];
  NAMES.forEach((row, i) => row.forEach((name, j) => {
    const up = STATS[i];
    const down = STATS[j];
    const neutral = up === down;
    lines.push(`  -- ${name}: ${neutral ? 'neutral, no stat changes' : `+10% ${up}, -10% ${down}`}`);
    lines.push(`  ${name} = ${luaValue(neutral ? { increased: null, decreased: null, neutral: true }
      : { increased: up, decreased: down, neutral: false }, 1)},`);
  }));
  lines.push('}', '');
  lines.push(
    'local sortedNames = {}',
    'for name in pairs(M.natures) do sortedNames[#sortedNames + 1] = name end',
    'table.sort(sortedNames)',
    '',
    'function M.get(name)',
    '  return M.natures[name]',
    'end',
    '',
    '--- Nature names in alphabetical order (never pairs() order).',
    'function M.list()',
    '  local out = {}',
    '  for i, name in ipairs(sortedNames) do out[i] = name end',
    '  return out',
    'end',
    '',
    '--- 1.1 for the raised stat, 0.9 for the lowered one, 1 otherwise.',
    'function M.modifier(nature, stat)',
    '  local n = M.natures[nature]',
    '  if n == nil or n.neutral then return 1 end',
    '  if n.increased == stat then return 1.1 end',
    '  if n.decreased == stat then return 0.9 end',
    '  return 1',
    'end',
  );
  return luaModule('Natures: stat modifiers.', lines.join('\n'));
}
