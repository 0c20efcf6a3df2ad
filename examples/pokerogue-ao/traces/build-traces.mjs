// Writes the example's traces (JSONL, one message a line) for coordinator, economy, security
// and admin, and the world scenarios. Deterministic: fixed timestamps, no clock, no randomness.
// Run: node examples/pokerogue-ao/traces/build-traces.mjs   (battle/pokemon traces are part A's)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from './traces-core.mjs';
import * as b2 from './traces-economy-security.mjs';
import * as world from './traces-world.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const all = { ...core.builders, ...b2.builders, ...world.builders };
for (const [name, build] of Object.entries(all)) {
  const file = path.join(here, `${name}.jsonl`);
  mkdirSync(path.dirname(file), { recursive: true });
  const t = build();
  writeFileSync(file, t.text());
  console.log(`${name}: ${t.lines.length} messages`);
}
