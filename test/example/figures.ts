// Prints the example's figures as the markdown table used in examples/pokerogue-ao/README.md.
// Run: npx tsx test/example/figures.ts
import { bundleMonolith, PROCESSES } from './exampleBundle.ts';
import { measureExample } from './moduleSizes.ts';

const f = measureExample();
const lines = [
  `Modules (all .lua under ao-processes/, tests excluded): ${f.modules}; Lua bytes: ${f.luaBytes.toLocaleString('en-US')}`,
  '',
  '| process | modules in closure | everything-bundle source bytes | monolith bundle bytes (test bundler) |',
  '| --- | ---: | ---: | ---: |',
];
let total = 0;
for (const name of PROCESSES) {
  const p = f.processes.find((x) => x.name === name)!;
  const bundle = Buffer.byteLength(bundleMonolith(name));
  total += p.bytes;
  lines.push(`| ${name} | ${p.modules} | ${p.bytes.toLocaleString('en-US')} | ${bundle.toLocaleString('en-US')} |`);
}
lines.push(`| total | | ${total.toLocaleString('en-US')} | |`);
lines.push('', `Share of battle's closure in modules used by >= 2 processes: ${(f.battleSharedRatio * 100).toFixed(1)} %`);
console.log(lines.join('\n'));
