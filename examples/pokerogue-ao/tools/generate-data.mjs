#!/usr/bin/env node
// Deterministic generator of the example's large table-literal data modules (species, moves,
// abilities, items, berries, natures, type chart, biomes). Seeded PRNG, no dependencies, no clock:
// running it twice writes byte-identical files. Output is committed so people can read it.
// Usage: node examples/pokerogue-ao/tools/generate-data.mjs [--check]
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from './lib/prng.mjs';
import { TYPES, typeChartModule } from './lib/type-chart.mjs';
import { naturesModule } from './lib/natures.mjs';
import { buildMoves, movesPartModule } from './lib/moves.mjs';
import { buildAbilities, abilitiesModule } from './lib/abilities.mjs';
import { buildSpecies, speciesPartModule } from './lib/species.mjs';
import { buildItems, itemsModule, buildBerries, berriesModule } from './lib/items.mjs';
import { buildBiomes, biomesModule } from './lib/biomes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.resolve(here, '..', 'ao-processes', 'data');
const SEED = 0x5eed2026;
const PARTS = 4;

function split(list, parts) {
  const size = Math.ceil(list.length / parts);
  return Array.from({ length: parts }, (_, i) => list.slice(i * size, (i + 1) * size));
}

export function generateAll() {
  const rng = createRng(SEED);
  const files = new Map();
  const abilities = buildAbilities(rng.fork('abilities'));
  const moves = buildMoves(rng.fork('moves'), TYPES);
  const items = buildItems(rng.fork('items'), TYPES);
  const berries = buildBerries(rng.fork('berries'));
  const species = buildSpecies(rng.fork('species'), TYPES, moves, abilities, items);

  files.set('constants/type-chart.lua', typeChartModule());
  files.set('constants/natures.lua', naturesModule());
  // Reverse indexes written as comments: which species learn each move / have each ability.
  const learnedBy = new Map();
  const holders = new Map();
  const push = (map, key, name) => { if (!map.has(key)) map.set(key, []); if (!map.get(key).includes(name)) map.get(key).push(name); };
  for (const s of species) {
    for (const row of s.learnset) push(learnedBy, row.move, s.name);
    for (const a of [...s.abilities, s.hiddenAbility]) push(holders, a, s.name);
  }
  split(moves, PARTS).forEach((chunk, i) =>
    files.set(`moves/moves-part-${i + 1}.lua`, movesPartModule(chunk, i + 1, PARTS, learnedBy)));
  split(species, PARTS).forEach((chunk, i) =>
    files.set(`species/species-part-${i + 1}.lua`, speciesPartModule(chunk, i + 1, PARTS)));
  files.set('abilities/ability-database.lua', abilitiesModule(abilities, holders));
  files.set('items/item-database.lua', itemsModule(items));
  files.set('items/berry-database.lua', berriesModule(berries));
  files.set('biomes/biome-database.lua', biomesModule(buildBiomes(rng.fork('biomes'), species)));
  return files;
}

function main() {
  const check = process.argv.includes('--check');
  const files = generateAll();
  let stale = 0;
  for (const [rel, text] of files) {
    const target = path.join(dataDir, rel);
    if (check) {
      const same = existsSync(target) && readFileSync(target, 'utf8') === text;
      if (!same) { stale++; console.error(`stale: ${rel}`); }
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  const bytes = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
  if (check) {
    if (stale) { console.error(`${stale} generated file(s) differ: run the generator`); process.exit(1); }
    console.log(`all ${files.size} generated files are up to date`);
  } else {
    console.log(`wrote ${files.size} files, ${bytes} bytes under ${path.relative(process.cwd(), dataDir)}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
