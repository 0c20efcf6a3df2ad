// Writes a fixture case's expected/ tree from its input/ and params.json by applying the transform
// in memory, for review before committing (a new case, or after a deliberate output change):
//   npx tsx test/support/writeExpected.ts lua/move-to-runtime <case>
// The generic test (defineTransformTest.ts) then checks the case like every other one.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getTransform } from '../../src/transform/registry.ts';
import { configForCase, listFixtureCases, readTreeDir } from './fixtureDirs.ts';
import { runApply } from './transformHarness.ts';
import { snapshotOf } from './treeSnapshots.ts';

const [id, caseName] = process.argv.slice(2);
const c = id && caseName ? listFixtureCases(id).find((x) => x.caseName === caseName) : undefined;
if (!c) {
  console.error('usage: npx tsx test/support/writeExpected.ts <lang>/<id> <case>   (the case folder needs input/ and params.json)');
  process.exit(2);
}
const t = await getTransform(id!);
const { tree, notes } = runApply(t, readTreeDir(path.join(c.dir, 'input')), c.params, configForCase(c));
const out = path.join(c.dir, 'expected');
rmSync(out, { recursive: true, force: true });
for (const [p, b] of snapshotOf(tree)) {
  mkdirSync(path.dirname(path.join(out, p)), { recursive: true });
  writeFileSync(path.join(out, p), b);
}
for (const n of notes) console.log(n);
console.log(`wrote ${path.relative(process.cwd(), out)}: review it with git diff before committing`);
