// Prints the example's figures (modules, Lua bytes, everything-bundle sizes, trace counts) as
// markdown; with --write-readme, replaces the block between the figures markers in
// examples/pokerogue-ao/README.md. Run: npx tsx test/example/figures.ts [--write-readme]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLE_ROOT, PROCESSES } from './exampleBundle.ts';
import { monolithOf } from './exampleProject.ts';
import { measureExample } from './moduleSizes.ts';
import { readTrace } from './traceReplay.ts';

const n = (x: number) => x.toLocaleString('en-US');
const f = measureExample();
const lines = [
  `Modules (all \`.lua\` under \`ao-processes/\`, tests excluded): **${f.modules}**; Lua bytes: **${n(f.luaBytes)}**.`,
  '',
  '| process | modules in closure | everything-bundle source bytes | monolith bundle bytes (src/bundle) |',
  '| --- | ---: | ---: | ---: |',
];
let total = 0;
let totalBundles = 0;
for (const name of PROCESSES) {
  const p = f.processes.find((x) => x.name === name)!;
  const bundle = Buffer.byteLength(monolithOf(name));
  total += p.bytes;
  totalBundles += bundle;
  lines.push(`| ${name} | ${p.modules} | ${n(p.bytes)} | ${n(bundle)} |`);
}
lines.push(`| total | | ${n(total)} | ${n(totalBundles)} |`);
lines.push('', `${(f.battleSharedRatio * 100).toFixed(1)} % of battle's closure (bytes) is in modules that at least one other process also requires.`);
lines.push('', '| trace | messages | expecting an error |', '| --- | ---: | ---: |');
const traceFiles = [...PROCESSES.map((p) => `${p}.jsonl`), 'world/player-session.jsonl', 'world/cheater.jsonl', 'world/admin-sweep.jsonl'];
let messages = 0;
for (const file of traceFiles) {
  const t = readTrace(path.join(EXAMPLE_ROOT, 'traces', file));
  messages += t.length;
  lines.push(`| ${file} | ${t.length} | ${t.filter((l) => l.expectError).length} |`);
}
lines.push(`| total | ${messages} | |`);
const block = lines.join('\n');

if (process.argv.includes('--write-readme')) {
  const readme = path.join(EXAMPLE_ROOT, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- figures:start -->';
  const end = '<!-- figures:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no ${start} ... ${end} block`);
  writeFileSync(readme, `${text.slice(0, a + start.length)}\n${block}\n${text.slice(b)}`);
  console.log(`updated ${readme}`);
} else {
  console.log(block);
}
