// The generic contract of every registered transform, on disk through the engine, with each
// transform's fixture folder (a test transform: its `fixtures` export): revert(apply(S)) == S byte for byte, apply(apply(S)) ==
// apply(S), and the transform's inverse stages exactly the journalled pre-images.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_REGISTRY, TOOLKIT, treeState } from '../fixtures/engine/fixtureProject.ts';
import { runTransform } from '../../src/transform/runTransform.ts';
import { applyChangeset, revertEntry } from '../../src/engine/changeset.ts';
import { JournalLog } from '../../src/engine/journal.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { createTree } from '../../src/stage/stagedTree.ts';
import { configSchema, type ProjectConfig } from '../../src/config/projectConfig.ts';
import type { Transform } from '../../src/transform/types.ts';
import { configForCase, listFixtureCases, readTreeDir } from '../support/fixtureDirs.ts';

interface Fixture {
  name: string;
  files: Record<string, string | Buffer>;
  params: unknown;
  config?: ProjectConfig;
}

const defaultConfig = configSchema.parse({ sourceRoot: 'ao-processes', processes: [{ name: 'p', entry: 'ao-processes/p/main.lua' }] });
const transforms = await TEST_REGISTRY.load();
const withFixtures: { t: Transform; fixtures: Fixture[] }[] = [];
for (const t of transforms.values()) {
  if (t.id.startsWith('test/')) {
    const mod = (await import(path.join(TOOLKIT, 'test/engine/transforms', t.id.split('/')[1]!, 'index.ts'))) as { fixtures?: Fixture[] };
    if (mod.fixtures?.length) withFixtures.push({ t, fixtures: mod.fixtures });
    continue;
  }
  // built-in transforms: the changing cases of their fixture folders (transforms/<lang>/<id>/fixtures/<case>/input)
  const cases = listFixtureCases(t.id)
    .filter((c) => !c.unchanged)
    .map((c) => ({ name: c.caseName, files: readTreeDir(path.join(c.dir, 'input')), params: c.params, config: configForCase(c) }));
  if (cases.length) withFixtures.push({ t, fixtures: cases });
}

function writeFixture(f: Fixture): string {
  mkdirSync(path.join(TOOLKIT, 'test/tmp'), { recursive: true });
  const dir = mkdtempSync(path.join(TOOLKIT, 'test/tmp/engine-prop-'));
  for (const [p, c] of Object.entries(f.files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), c);
  }
  return dir;
}

describe('every registered transform with fixtures', () => {
  it('has at least the test transform and the discovered ones', () => {
    expect(withFixtures.some((w) => w.t.id === 'test/append-line')).toBe(true);
    expect([...transforms.keys()].every((id) => /^(lua|ts|test)\/[a-z0-9-]+$/.test(id))).toBe(true);
  });

  for (const { t, fixtures } of withFixtures) {
    for (const f of fixtures) {
      it(`${t.id} / ${f.name}: revert(apply(S)) == S, apply is idempotent, inverse agrees`, () => {
        const dir = writeFixture(f);
        const config = f.config ?? defaultConfig;
        const original = treeState(dir, ['.migrate']);
        const { changes } = runTransform(t, new DiskWorkspace(dir), f.params, { config });
        applyChangeset(new JournalLog(dir), { stepId: 'prop', transform: t.id, story: '36.1', title: f.name, paramsHash: '' }, changes);
        const applied = treeState(dir, ['.migrate']);
        expect(runTransform(t, new DiskWorkspace(dir), f.params, { config }).changes).toEqual([]);
        const inv = createTree(new DiskWorkspace(dir));
        t.inverse(inv, t.params.parse(f.params), { config, root: dir, report: () => undefined });
        for (const p of new Set([...Object.keys(original), ...inv.list()])) {
          expect(inv.read(p), `${p} after inverse`).toEqual(f.files[p] === undefined ? undefined : Buffer.from(f.files[p]!));
        }
        revertEntry(new JournalLog(dir), 'prop');
        expect(treeState(dir, ['.migrate'])).toEqual(original);
        if (changes.length) expect(applied).not.toEqual(original);
      });
    }
  }
});
