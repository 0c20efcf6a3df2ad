// The one test definition every built-in transform goes through (test/transforms/registry.test.ts
// calls it for each id the registry discovers). A transform's cases are its fixture folder,
// transforms/<lang>/<id>/fixtures/<case>/{input,expected} plus params.json / processes.json.
// Checked on every case, in memory on a staged tree:
//   - apply(input) == expected, byte for byte and with the same set of files;
//   - every output Lua file re-parses;
//   - idempotency: applying again to the output stages no change;
//   - exact inverse: inverse(apply(input)) == input, byte for byte;
//   - a case whose input == expected ("unchanged") stages no change at all (so the engine
//     journals nothing and there is nothing to invert: running the inverse on an
//     already-migrated tree would rightly undo the migration).
// Also: the transform's id and description. A transform with no fixture folder, or with no unchanged case, fails: nothing is skipped.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Transform } from '../../src/transform/types.ts';
import { getTransform } from '../../src/transform/registry.ts';
import { configForCase, fixturesDir, listFixtureCases, readTreeDir, type FixtureCase } from './fixtureDirs.ts';
import { runApply, runInverse, unparseable, contextFor } from './transformHarness.ts';
import { commit, snapshotOf } from './treeSnapshots.ts';

type Files = Record<string, Buffer>;

/** Paths whose bytes differ between two trees (missing on one side counts). */
export function treeDiff(a: Files | Map<string, Buffer>, b: Files | Map<string, Buffer>): string[] {
  const A = a instanceof Map ? a : new Map(Object.entries(a));
  const B = b instanceof Map ? b : new Map(Object.entries(b));
  return [...new Set([...A.keys(), ...B.keys()])].sort().filter((p) => !A.has(p) || !B.has(p) || !A.get(p)!.equals(B.get(p)!));
}

function caseFiles(c: FixtureCase): { input: Files; expected: Files } {
  return { input: readTreeDir(path.join(c.dir, 'input')), expected: readTreeDir(path.join(c.dir, 'expected')) };
}

/** Every contract violation of `t` on one case (empty when the case holds). */
export function caseProblems(t: Transform<unknown>, c: FixtureCase): string[] {
  const { input, expected } = caseFiles(c);
  const config = configForCase(c);
  const problems: string[] = [];
  if (!Object.keys(input).length) problems.push('input/ is empty or missing');
  const first = runApply(t, input, c.params, config);
  const out = snapshotOf(first.tree);
  for (const p of treeDiff(out, expected)) problems.push(`apply differs from expected at ${p}`);
  for (const u of unparseable(first.tree)) problems.push(`output does not parse: ${u}`);
  const again = commit(first.tree);
  t.apply(again, t.params.parse(c.params), contextFor(config));
  for (const ch of again.changes()) problems.push(`second apply changes ${'path' in ch ? ch.path : ch.from}`);
  if (c.unchanged) {
    for (const ch of first.changes) problems.push(`unchanged case: apply stages a change at ${'path' in ch ? ch.path : ch.from}`);
  } else {
    for (const p of treeDiff(snapshotOf(runInverse(t, first.tree, c.params, config)), input)) problems.push(`inverse differs from input at ${p}`);
  }
  return problems;
}

/** Defines the tests of one registered transform: its fixture folder and every case in it. */
export function defineTransformTest(id: string): void {
  describe(`transform ${id}`, () => {
    const cases = listFixtureCases(id);

    it('is registered under its folder name, with a one-sentence description', async () => {
      const t = await getTransform(id);
      expect(t.id).toBe(id);
      expect(t.description).toMatch(/^[A-Z].*\.$/);
    });

    it(`has fixture cases in ${path.relative(process.cwd(), fixturesDir(id))}, one of them unchanged (input == expected)`, () => {
      expect(cases.length, 'fixture cases').toBeGreaterThan(0);
      const unchanged = cases.filter((c) => c.unchanged && Object.keys(caseFiles(c).input).length > 0);
      expect(unchanged.length, 'cases whose input == expected').toBeGreaterThan(0);
    });

    for (const c of cases) {
      it(`${c.caseName}: apply == expected, re-parses, idempotent, exact inverse`, async () => {
        const t = (await getTransform(id)) as Transform<unknown>;
        expect(caseProblems(t, c)).toEqual([]);
      });
    }
  });
}
