// The epic through the real engine on a copy of the example: plan (every decision kept
// apart), apply --all, every Lua file parses, the shells are small, rollback is byte-identical.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_DIR, loadProject } from '../../src/config/loadProject.ts';
import { planEpic } from '../../src/plan/epicPlanner.ts';
import { savePlan } from '../../src/plan/planFile.ts';
import { applyAll, rollback } from '../../src/engine/engine.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { parseLua } from '../../src/parse/luaSource.ts';
import { measure } from '../../src/plan/planners/simulation.ts';

const dir = path.resolve(`test/tmp/codemods-engine-${process.pid}`);
const RUNNER = path.resolve('test/codemods/lua/plain-lua-run.lua');
const hasLua = spawnSync('lua5.3', ['-v']).status === 0;

/** Every migrated entry and module run by plain Lua 5.3 with the project's package.path. */
function plainLua(ws: DiskWorkspace, entries: string[]): { ok: number; failed: string[] } {
  const modules = ws
    .list('ao-processes')
    .filter((p) => p.endsWith('.lua') && !p.includes('/tests/'))
    .map(
      (p) =>
        `mod:${p
          .slice('ao-processes/'.length)
          .replace(/\/init\.lua$/, '')
          .replace(/\.lua$/, '')
          .split('/')
          .join('.')}`,
    );
  const r = spawnSync('lua5.3', [RUNNER, path.join(dir, 'ao-processes'), ...entries.map((e) => path.join(dir, e)), ...modules], { encoding: 'utf8' });
  const lines = r.stdout.split('\n');
  return { ok: lines.filter((l) => l.startsWith('ok ')).length, failed: lines.filter((l) => l.startsWith('FAIL')) };
}
const hasExample = existsSync(path.join(EXAMPLE_DIR, 'migrate.config.json'));

describe.runIf(hasExample)('the epic through the engine', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies every step, parses, shrinks battle and pokemon to <= 15 %, rolls back to the byte', async () => {
    mkdirSync(dir, { recursive: true });
    for (const f of ['migrate.config.json', 'ao-processes']) cpSync(path.join(EXAMPLE_DIR, f), path.join(dir, f), { recursive: true });
    const loaded = loadProject({ project: dir, cwd: dir });
    const project = { ...loaded, config: { ...loaded.config, client: undefined } };
    const plan = await planEpic(project);
    for (const s of plan.steps) if (s.decision) s.decision.choice = 'keep-apart';
    await savePlan(path.join(dir, 'migration-plans', 'epic.plan.json'), plan);

    const before = new DiskWorkspace(dir).list('ao-processes').map((p) => [p, new DiskWorkspace(dir).read(p)!] as const);
    const { applied, skipped } = await applyAll(project, {});
    expect(applied.length + skipped.length).toBe(plan.steps.length);

    const ws = new DiskWorkspace(dir);
    const unparseable = ws.list('ao-processes').filter((p) => p.endsWith('.lua') && parseLua(ws.read(p)!, p).error);
    expect(unparseable).toEqual([]);
    if (hasLua) {
      // The migrated sources run without the bundler: no global the toolkit must inject first.
      const run = plainLua(
        ws,
        project.config.processes.map((p) => p.entry),
      );
      expect(run.failed).toEqual([]);
      expect(run.ok).toBeGreaterThan(project.config.processes.length);
    }
    const sizes = measure(ws, project.config);
    for (const proc of ['battle', 'pokemon']) expect(sizes.shell.get(proc)! / plan.baseline[proc]!).toBeLessThanOrEqual(0.15);

    const r = await rollback(project);
    expect(r.mismatches).toEqual([]);
    const after = new DiskWorkspace(dir);
    expect(after.list('ao-processes')).toEqual(before.map(([p]) => p));
    for (const [p, b] of before) expect(after.read(p)!.equals(b), p).toBe(true);
  });
});
