// Moves: 440 records with type, category, power, accuracy, pp, priority, crit stage and
// a secondary effect that game-logic.battle.move-effects implements.
import { luaModule, recordList } from './lua-writer.mjs';
import { moveName } from './names.mjs';

const STATUS_BY_TYPE = { fire: 'burn', poison: 'poison', electric: 'paralysis', ice: 'freeze', psychic: 'sleep', grass: 'sleep' };
const STATS = ['attack', 'defense', 'spAttack', 'spDefense', 'speed'];
export const MOVE_COUNT = 440;

function damagingEffect(rng, type) {
  const roll = rng.next();
  if (roll < 0.22 && STATUS_BY_TYPE[type]) return { kind: 'status', status: STATUS_BY_TYPE[type], chance: rng.pick([10, 20, 30]) };
  if (roll < 0.32) return { kind: 'flinch', chance: rng.pick([10, 20, 30]) };
  if (roll < 0.42) return { kind: 'stat_drop', stat: rng.pick(STATS), stages: 1, chance: rng.pick([10, 30, 50, 100]) };
  if (roll < 0.48) return { kind: 'recoil', fraction: rng.pick([3, 4]) };
  if (roll < 0.54) return { kind: 'drain', fraction: 2 };
  if (roll < 0.59) return { kind: 'multi_hit', min: 2, max: 5 };
  if (roll < 0.63) return { kind: 'stat_raise', stat: rng.pick(STATS), stages: 1, chance: rng.pick([10, 50, 100]) };
  return { kind: 'none' };
}

function statusMove(rng, type) {
  const roll = rng.next();
  if (roll < 0.3 && STATUS_BY_TYPE[type]) return { accuracy: rng.pick([75, 85, 90]), effect: { kind: 'status', status: STATUS_BY_TYPE[type], chance: 100 } };
  if (roll < 0.6) return { accuracy: 100, effect: { kind: 'stat_raise', stat: rng.pick(STATS), stages: rng.pick([1, 2]), chance: 100, self: true } };
  if (roll < 0.8) return { accuracy: 100, effect: { kind: 'stat_drop', stat: rng.pick(STATS), stages: 1, chance: 100 } };
  return { accuracy: 0, effect: { kind: 'heal', percent: 50 } };
}

const SPECIAL_LEANING = new Set(['fire', 'water', 'electric', 'grass', 'ice', 'psychic', 'dragon', 'fairy', 'ghost']);

export function buildMoves(rng, types) {
  const used = new Set();
  const moves = [];
  for (let id = 1; id <= MOVE_COUNT; id++) {
    const type = id <= 36 ? types[(id - 1) % types.length] : rng.pick(types);
    const isStatus = id > 36 && rng.chance(0.18);
    const name = moveName(rng, type, used);
    if (isStatus) {
      const s = statusMove(rng, type);
      moves.push({ id, name, type, category: 'status', power: 0, accuracy: s.accuracy, pp: rng.pick([10, 15, 20, 30]),
        priority: 0, critStage: 0, contact: false, effect: s.effect,
        __flavour: `${name}: a ${type} status move.` });
      continue;
    }
    // The first 36 moves are weak starters (two per type), so every species can attack at level 1.
    const power = id <= 36 ? rng.pick([35, 40, 40, 45]) : rng.pick([40, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100, 110, 120, 130, 150]);
    const accuracy = power >= 110 ? rng.pick([70, 80, 85, 90]) : rng.pick([90, 95, 100, 100, 100]);
    const priority = power <= 40 && rng.chance(0.35) ? 1 : power >= 120 && rng.chance(0.1) ? -1 : 0;
    const category = SPECIAL_LEANING.has(type) ? (rng.chance(0.7) ? 'special' : 'physical') : (rng.chance(0.7) ? 'physical' : 'special');
    const critStage = rng.chance(0.1) ? 1 : 0;
    moves.push({
      id, name, type, category, power, accuracy,
      pp: power >= 110 ? 5 : power >= 80 ? rng.pick([10, 15]) : rng.pick([20, 25, 30, 35]),
      priority, critStage, contact: category === 'physical',
      effect: id <= 36 ? { kind: 'none' } : damagingEffect(rng, type),
      __flavour: `${name}: ${category} ${type} attack, power ${power}${priority ? `, priority ${priority}` : ''}.`,
    });
  }
  return moves;
}

function learnersText(names) {
  if (!names || names.length === 0) return 'Learned by no species (reserved for items and events).';
  return `Learned by ${names.length} species: ${names.join(', ')}.`;
}

/** One readable sentence per effect kind, written as a second comment line above each move. */
export function describeEffect(e) {
  const chance = e.chance !== undefined && e.chance < 100 ? `${e.chance}% chance to ` : '';
  switch (e.kind) {
    case 'status': return `${chance}inflict ${e.status} on the target.`;
    case 'flinch': return `${chance}make the target flinch.`;
    case 'stat_drop': return `${chance}lower the target's ${e.stat} by ${e.stages}.`;
    case 'stat_raise': return `${chance}raise the user's ${e.stat} by ${e.stages}.`;
    case 'recoil': return `the user takes 1/${e.fraction} of the damage dealt as recoil.`;
    case 'drain': return `the user recovers 1/${e.fraction} of the damage dealt.`;
    case 'multi_hit': return `hits ${e.min} to ${e.max} times in one turn.`;
    case 'heal': return `the user recovers ${e.percent}% of its max HP.`;
    default: return 'no secondary effect.';
  }
}

/** learnedBy: move id -> species names that learn it (a reverse index for readers). */
export function movesPartModule(moves, part, parts, learnedBy = new Map()) {
  const first = moves[0].id;
  const last = moves[moves.length - 1].id;
  const body = [
    `-- Moves ${first} to ${last} (part ${part} of ${parts}); data.moves.move-database indexes all parts.`,
    `M.first = ${first}`,
    `M.last = ${last}`,
    '',
    recordList('moves', moves, (m) => `#${String(m.id).padStart(3, '0')} ${m.__flavour}\n  -- Effect: ${describeEffect(m.effect)}\n  -- ${learnersText(learnedBy.get(m.id))}`),
  ].join('\n');
  return luaModule(`Move data, part ${part}.`, body);
}
