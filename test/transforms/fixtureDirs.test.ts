// Directory fixtures of every Lua transform: apply(input) == expected and
// inverse(expected) == input, byte for byte (BOM, CRLF, missing final newline included).
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readdirSync } from 'node:fs';
import type { Transform } from '../../src/transform/types.ts';
import { configForCase, listFixtureCases, readTreeDir, TRANSFORMS_ROOT } from '../support/fixtureDirs.ts';
import { runApply, runInverse } from '../support/transformHarness.ts';
import { snapshotOf, treeOf } from '../support/treeSnapshots.ts';

const ids = readdirSync(path.join(TRANSFORMS_ROOT, 'lua')).filter((d) => d !== 'lib').map((d) => `lua/${d}`);
const cases = ids.flatMap((id) => listFixtureCases(id));

describe('Lua transform fixture directories', () => {
  it('has cases for every transform', () => {
    expect(new Set(cases.map((c) => c.id)).size).toBeGreaterThanOrEqual(7);
  });
  for (const c of cases) {
    it(`${c.id}/${c.caseName}`, async () => {
      const { transform } = (await import(path.join(TRANSFORMS_ROOT, c.id, 'index.ts'))) as { transform: Transform<unknown> };
      const input = readTreeDir(path.join(c.dir, 'input'));
      const expected = readTreeDir(path.join(c.dir, 'expected'));
      const config = configForCase(c);
      const out = snapshotOf(runApply(transform, input, c.params, config).tree);
      expect([...out.keys()]).toEqual(Object.keys(expected).sort());
      for (const [p, b] of out) expect(b.equals(expected[p]!), p).toBe(true);
      const back = snapshotOf(runInverse(transform, treeOf(expected), c.params, config));
      expect([...back.keys()]).toEqual(Object.keys(input).sort());
      for (const [p, b] of back) expect(b.equals(input[p]!), p).toBe(true);
    });
  }
});
