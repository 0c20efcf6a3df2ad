// End to end on a copy of the example: plan the epic, apply every Lua step in order on a
// staged tree (from the plan's JSON params), check every output parses and the shells shrink,
// then run every inverse in reverse order and compare every byte with the original tree.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject, EXAMPLE_DIR } from '../../src/config/loadProject.ts';
import { createTree } from '../../src/stage/stagedTree.ts';
import { commit, snapshotOf } from '../support/treeSnapshots.ts';
import { planEpic, snapshotProject, summarisePlan, type Plan } from '../../src/plan/epicPlanner.ts';
import { luaTransforms } from '../support/luaTransforms.ts';
import { parseLua } from '../../src/parse/luaSource.ts';
import { measure } from '../../src/plan/planners/simulation.ts';

const dir = path.resolve('test/tmp/codemods-example');
const hasExample = existsSync(path.join(EXAMPLE_DIR, 'migrate.config.json'));

describe.runIf(hasExample)('epic plan on a copy of the example', () => {
  let plan: Plan;
  let project: ReturnType<typeof loadProject>;
  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const f of ['migrate.config.json', 'ao-processes']) cpSync(path.join(EXAMPLE_DIR, f), path.join(dir, f), { recursive: true });
    project = loadProject({ project: dir, cwd: dir });
    // Keep the test on the Lua side: the client steps belong to the TS planner's tests.
    project = { ...project, config: { ...project.config, client: undefined } };
    plan = JSON.parse(JSON.stringify(await planEpic(project)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has every story, in order, with reads and size impacts', () => {
    const stories = plan.steps.map((s) => s.story);
    expect(stories).toEqual([...stories].sort());
    expect(new Set(stories)).toEqual(new Set(['36.1', '36.2', '36.3', '36.4', '36.5', '36.6']));
    for (const s of plan.steps.filter((x) => x.transform !== 'decision')) {
      expect(s.reads.length, s.id).toBeGreaterThan(0);
      for (const r of s.reads) expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    for (const d of plan.steps.filter((x) => x.transform === 'decision')) {
      expect(d.decision?.options.some((o) => o.id === 'keep-apart')).toBe(true);
      expect(d.behaviourChange).toBeTruthy();
      expect(d.decision?.diff).toContain('@@');
    }
  });

  it('every decision option applies on the original sources and its output parses', () => {
    const ctx = { config: project.config, root: dir, report: () => {} };
    for (const d of plan.steps.filter((x) => x.transform === 'decision')) {
      for (const option of d.decision!.options.filter((o) => o.params)) {
        const t = luaTransforms.get(d.decision!.transform!)!;
        const tree = createTree(snapshotProject(project).ws);
        t.apply(tree, t.params.parse(option.params), ctx);
        expect(tree.changes().length, `${d.id} ${option.id}`).toBeGreaterThan(0);
        for (const c of tree.changes()) {
          if (c.kind !== 'delete' && 'path' in c && c.path.endsWith('.lua'))
            expect(parseLua(tree.read(c.path)!, c.path).error, `${d.id} ${option.id} ${c.path}`).toBeUndefined();
        }
      }
    }
  });

  it('applies step by step, every file parses, shells shrink, inverses restore every byte', () => {
    const base = snapshotProject(loadProject({ project: dir, cwd: dir })).ws;
    const original = snapshotOf(createTree(base));
    let tree = createTree(base);
    const ctx = { config: project.config, root: dir, report: () => {} };
    const applied = plan.steps.filter((s) => s.transform !== 'decision' && !s.skip);
    for (const step of applied) {
      const t = luaTransforms.get(step.transform)!;
      const next = commit(tree);
      t.apply(next, t.params.parse(step.params), ctx);
      for (const c of next.changes()) {
        if (c.kind === 'delete' || !('path' in c) || !c.path.endsWith('.lua')) continue;
        expect(parseLua(next.read(c.path)!, c.path).error, `${step.id}: ${c.path}`).toBeUndefined();
      }
      tree = commit(next);
    }
    const sizes = measure(tree, project.config);
    const summary = summarisePlan(plan);
    for (const proc of ['battle', 'pokemon']) {
      const shell = sizes.shell.get(proc)!;
      expect(shell).toBe(summary.sizes.find((s) => s.process === proc)!.afterBytes);
      expect(shell / plan.baseline[proc]!).toBeLessThanOrEqual(0.15);
    }
    for (const step of [...applied].reverse()) {
      const t = luaTransforms.get(step.transform)!;
      const next = commit(tree);
      t.inverse(next, t.params.parse(step.params), ctx);
      tree = commit(next);
    }
    const back = snapshotOf(tree);
    const differing = [...new Set([...original.keys(), ...back.keys()])].filter(
      (p) => !original.get(p)?.equals(back.get(p) ?? Buffer.alloc(0)) || !back.has(p),
    );
    expect(differing).toEqual([]);
  });
});
