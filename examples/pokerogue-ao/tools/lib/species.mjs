// Species: 360 records in evolution families of one to three stages. Stats grow with the
// stage; evolutions are by level or by an evolution stone of the family's type.
import { luaModule, recordList } from './lua-writer.mjs';
import { creatureName, flavourText } from './names.mjs';

export const SPECIES_COUNT = 360;
const GROWTH = ['fast', 'medium_fast', 'medium_slow', 'slow', 'erratic', 'fluctuating'];
const STATS = ['hp', 'attack', 'defense', 'spAttack', 'spDefense', 'speed'];
const STAGE_TOTAL = [300, 410, 525];
const CATCH = [[255, 190, 120], [120, 90, 60], [45, 45, 25]];

function spreadStats(rng, total) {
  const weights = STATS.map(() => 0.6 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = {};
  STATS.forEach((s, i) => { out[s] = Math.max(10, Math.round((weights[i] / sum) * total)); });
  return out;
}

function learnset(rng, types, moves, stage) {
  const idx = (t) => moves.findIndex((m) => m.id <= 36 && m.type === t);
  const starters = [idx(types[0]) + 1, idx(types[0]) + 19];
  const pool = moves.filter((m) => m.id > 36 && (types.includes(m.type) || m.type === 'normal'));
  const count = 6 + rng.int(0, 4) + stage;
  const chosen = new Set();
  while (chosen.size < count && chosen.size < pool.length) chosen.add(rng.pick(pool).id);
  const levels = [...chosen].map((id) => ({ level: rng.int(3, 60), move: id })).sort((a, b) => a.level - b.level || a.move - b.move);
  return [{ level: 1, move: starters[0] }, { level: 1, move: starters[1] }, ...levels];
}

export function buildSpecies(rng, types, moves, abilities) {
  const moveNames = new Map(moves.map((m) => [m.id, m.name]));
  // Readers see move names next to the ids: "Learns: Ember Lash (1), Tidal Wave (12), ...".
  const learnsetText = (rows) => `Learns: ${rows.map((row) => `${moveNames.get(row.move)} (${row.level})`).join(', ')}.`;
  const used = new Set();
  const species = [];
  while (species.length < SPECIES_COUNT) {
    const stages = Math.min(rng.pick([1, 2, 2, 3, 3, 3]), SPECIES_COUNT - species.length);
    const primary = rng.pick(types);
    const secondary = rng.chance(0.4) ? rng.pick(types.filter((t) => t !== primary)) : undefined;
    const famTypes = secondary ? [primary, secondary] : [primary];
    const growthRate = rng.pick(GROWTH);
    const abil = [rng.pick(abilities).id, rng.pick(abilities).id];
    const hidden = rng.pick(abilities).id;
    const byItem = stages > 1 && rng.chance(0.2);
    const firstLevel = rng.int(14, 30);
    for (let s = 0; s < stages; s++) {
      const id = species.length + 1;
      const name = creatureName(rng, primary, used);
      const evolves = s < stages - 1;
      let evolution;
      if (evolves) {
        evolution = byItem && s === stages - 2
          ? { kind: 'item', item: `${primary}-stone`, into: id + 1 }
          : { kind: 'level', level: s === 0 ? firstLevel : firstLevel + rng.int(12, 20), into: id + 1 };
      }
      const baseStats = spreadStats(rng, STAGE_TOTAL[stages === 1 ? 2 : s] + rng.int(-20, 20));
      species.push({
        id, name,
        types: famTypes.slice(),
        baseStats,
        abilities: abil[0] === abil[1] ? [abil[0]] : abil.slice(),
        hiddenAbility: hidden,
        catchRate: rng.pick(CATCH[stages === 1 ? 2 : s]),
        growthRate,
        baseExp: Math.round((STAGE_TOTAL[stages === 1 ? 2 : s] * (0.18 + rng.next() * 0.1))),
        genderRatio: rng.pick([0, 12, 25, 50, 50, 50, 75, 100, -1]),
        evolution,
        evolvesFrom: s > 0 ? id - 1 : undefined,
        learnset: learnset(rng, famTypes, moves, s),
        __learns: '',
        __flavour: `#${String(id).padStart(3, '0')} ${flavourText(rng, name)}\n  -- Base stat total ${Object.values(baseStats).reduce((a, b) => a + b, 0)}; ${evolution ? (evolution.kind === 'level' ? `evolves into #${String(id + 1).padStart(3, '0')} at level ${evolution.level}` : `evolves into #${String(id + 1).padStart(3, '0')} with a ${evolution.item}`) : 'does not evolve'}.`,
        __notes: { genderRatio: 'percent female; -1 means genderless', catchRate: 'higher is easier (3..255)' },
      });
    }
  }
  for (const s of species) s.__learns = learnsetText(s.learnset);
  return species;
}

// "Abilities: a, b (hidden: c). Catch rate 45 (hard), growth medium_slow, 50% female."
function profileText(s) {
  const difficulty = s.catchRate >= 150 ? 'easy' : s.catchRate >= 75 ? 'medium' : 'hard';
  const gender = s.genderRatio < 0 ? 'genderless' : `${s.genderRatio}% female`;
  return `Abilities: ${s.abilities.join(', ')} (hidden: ${s.hiddenAbility}). Catch rate ${s.catchRate} (${difficulty}), growth ${s.growthRate}, ${gender}.`;
}

export function speciesPartModule(species, part, parts) {
  const first = species[0].id;
  const last = species[species.length - 1].id;
  const body = [
    `-- Species ${first} to ${last} (part ${part} of ${parts}); data.species.species-database indexes all parts.`,
    `M.first = ${first}`,
    `M.last = ${last}`,
    '',
    recordList('species', species, (s) => `${s.__flavour}\n  -- ${s.__learns}\n  -- ${profileText(s)}`),
  ].join('\n');
  return luaModule(`Species data, part ${part}.`, body);
}
