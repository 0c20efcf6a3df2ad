// Writes the example's traces (JSONL, one message a line) for all six processes and the
// world scenarios. Deterministic: fixed timestamps, no clock, no randomness.
// Run: node examples/pokerogue-ao/traces/build-traces.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from './traces-core.mjs';
import * as b2 from './traces-economy-security.mjs';
import * as world from './traces-world.mjs';
import * as bp from './traces-battle-pokemon.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const all = { ...core.builders, ...b2.builders, ...bp.builders, ...world.builders };
for (const [name, build] of Object.entries(all)) {
  const file = path.join(here, `${name}.jsonl`);
  mkdirSync(path.dirname(file), { recursive: true });
  const t = build();
  writeFileSync(file, t.text());
  console.log(`${name}: ${t.lines.length} messages`);
}
