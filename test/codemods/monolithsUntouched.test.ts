// Story 36.2 leaves processes whose shell would not pay as monoliths; the planner then plans
// again knowing them, so the story 36.1 changes that serve only those processes (an inline
// block extracted from their entries, a module shared only by them) are not applied: their
// monoliths must end no larger than before the migration.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/loadProject.ts';
import { planEpic } from '../../src/plan/epicPlanner.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { monolithBytes } from '../../src/bundle/payoff.ts';
import { createTree } from '../../src/stage/stagedTree.ts';
import { getTransform } from '../../src/transform/registry.ts';

const dir = path.resolve(`test/tmp/monoliths-untouched-${process.pid}`);
const big = `local M = {}\n${Array.from({ length: 200 }, (_, i) => `function M.f${i}(x) return x + ${i} end`).join('\n')}\nreturn M\n`;
// A top-level block of >= 300 bytes, identical in both small entries (an inline duplicate).
const block = `local Replies = {\n  t.one,\n${Array.from({ length: 8 }, (_, i) => `  { Action = "Pong", Data = "pong number ${i} from this small process" },`).join('\n')}\n}\n`;
const files: Record<string, string> = {
  'ao-processes/alpha/main.lua': 'local lib = require("lib.big")\nreturn lib.f1(1)\n',
  'ao-processes/beta/main.lua': 'local lib = require("lib.big")\nreturn lib.f2(2)\n',
  'ao-processes/gamma/main.lua': `local t = require("small.util")\n${block}return t.one, Replies\n`,
  'ao-processes/delta/main.lua': `local t = require("small.util")\n${block}return t.one, Replies\n`,
  'ao-processes/lib/big.lua': big,
  'ao-processes/small/util.lua': 'return { one = 1 }\n',
};

describe('processes that stay monoliths are not changed by story 36.1', () => {
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const [p, c] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      writeFileSync(path.join(dir, p), c);
    }
    const config = {
      sourceRoot: 'ao-processes',
      processes: ['alpha', 'beta', 'gamma', 'delta'].map((name) => ({ name, entry: `ao-processes/${name}/main.lua` })),
    };
    writeFileSync(path.join(dir, 'migrate.config.json'), JSON.stringify(config));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the extraction serving only them as skipped (with why), moves nothing only they share, and their monoliths do not grow', async () => {
    const project = loadProject({ project: dir, cwd: dir });
    const plan = await planEpic(project);
    const byId = new Map(plan.steps.map((s) => [s.id, s]));
    expect(byId.get('36.2-federate-alpha')?.skip).toBeUndefined();
    expect(byId.get('36.2-federate-gamma')?.skip).toBe(true);
    const extract = plan.steps.find((s) => s.transform === 'lua/extract-inline-duplicate')!;
    expect(extract.skip).toBe(true);
    expect(extract.description).toMatch(/Not applied: it only serves gamma, delta, which stay\(s\) monoliths/);
    const moves = plan.steps.filter((s) => s.transform === 'lua/move-to-runtime' && !s.skip);
    expect(moves.flatMap((s) => (s.params as { modules: string[] }).modules)).not.toContain('small.util');
    // Apply every step that is not skipped in memory: gamma and delta end as large as they started.
    const ws = new DiskWorkspace(dir);
    const before = monolithBytes(project.config, ws);
    let tree = createTree(ws);
    for (const s of plan.steps.filter((x) => !x.skip && x.transform.startsWith('lua/'))) {
      const t = await getTransform(s.transform);
      const next = createTree(tree);
      t.apply(next, t.params.parse(s.params), { config: project.config, root: dir, report: () => {} });
      tree = next;
    }
    const after = monolithBytes(project.config, tree);
    for (const p of ['gamma', 'delta']) expect(after.get(p), p).toBeLessThanOrEqual(before.get(p)!);
  });
});
