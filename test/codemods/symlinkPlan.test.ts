// Issue 14, "what was seen" 6: a shared folder reached through a symlink in each process folder
// (src/<process>/module -> ../module). With sourceRoot src, `plan` refused with PLAN-208 (the
// logger, used by battle only, "exists" at battle/module/logger.lua: the same file seen twice);
// with sourceRoot src/battle it moved nothing although audit projected a reduction, and said
// nothing. A file reached through a symlink is one module; what the plan leaves out, it says.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject, type Project } from '../../src/config/loadProject.ts';
import { applyAll, rollback } from '../../src/engine/engine.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { buildRequireGraph } from '../../src/graph/requireGraph.ts';
import { LAYOUTS_DIR } from '../graph/helpers/layoutFixture.ts';
import { bytesOf, planKeepingApart } from '../engine/helpers/layoutProject.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function linkedProject(config: Record<string, unknown> = {}): Project {
  const tmp = path.resolve(LAYOUTS_DIR, '../../tmp');
  mkdirSync(tmp, { recursive: true });
  const dir = mkdtempSync(path.join(tmp, 'symlink-plan-'));
  made.push(dir);
  cpSync(path.join(LAYOUTS_DIR, 'symlinked-process-link'), dir, { recursive: true });
  for (const p of ['battle', 'pokemon']) symlinkSync('../module', path.join(dir, 'src', p, 'module'), 'dir');
  const base = {
    sourceRoot: 'src',
    processes: [
      { name: 'battle', entry: 'src/battle/main.lua' },
      { name: 'pokemon', entry: 'src/pokemon/main.lua' },
    ],
    runtime: { dir: 'src/runtime', namespace: 'runtime', shareThreshold: 2, version: '1.0.0' },
    // Tiny processes never pay to federate; this test is about which paths move, so force it.
    federate: 'always',
  };
  writeFileSync(path.join(dir, 'migrate.config.json'), JSON.stringify({ ...base, ...config }, null, 2));
  return loadProject({ project: dir, cwd: dir });
}

async function migrateAndRollBack(project: Project): Promise<void> {
  const original = bytesOf(project.root);
  await applyAll(project, {});
  const graph = buildRequireGraph(project.config, new DiskWorkspace(project.root));
  expect(graph.problems.filter((p) => p.kind === 'unresolved-require')).toEqual([]);
  expect((await rollback(project)).mismatches).toEqual([]);
  expect(bytesOf(project.root)).toEqual(original);
}

describe('a shared folder reached through a symlink in each process folder', () => {
  it('sourceRoot src: the battle-only logger is already in battle through the link (no PLAN-208); util moves once', async () => {
    const project = linkedProject();
    const plan = await planKeepingApart(project);
    const moves = plan.steps.filter((s) => s.transform === 'lua/move-to-runtime');
    expect(moves.map((s) => s.params.modules)).toEqual([['module.util']]);
    expect(plan.steps.filter((s) => s.transform === 'lua/specialise-process')).toEqual([]);
    await migrateAndRollBack(project);
  });

  it('sourceRoot src/battle: the file whose real path lies outside the root moves by its linked path', async () => {
    const project = linkedProject({
      sourceRoot: 'src/battle',
      runtime: { dir: 'src/battle/runtime', namespace: 'runtime', shareThreshold: 2, version: '1.0.0' },
    });
    const plan = await planKeepingApart(project);
    const moves = plan.steps.filter((s) => s.transform === 'lua/move-to-runtime');
    expect(moves.map((s) => s.params.modules)).toEqual([['module.util']]);
    expect(moves[0]!.sizeImpact.find((i) => i.process === 'pokemon')!.afterBytes).toBeLessThan(
      moves[0]!.sizeImpact.find((i) => i.process === 'pokemon')!.beforeBytes,
    );
    await migrateAndRollBack(project);
  });

  it('says why a module every process shares is not moved (here: excluded by the config)', async () => {
    const project = linkedProject({ exclude: ['src/module/**'] });
    const plan = await planKeepingApart(project);
    expect(plan.steps.filter((s) => s.transform === 'lua/move-to-runtime')).toEqual([]);
    expect(plan.notes).toEqual([
      `src/module/util.lua is used by 2 processes but stays bundled in each: the config's "exclude" matches it (excluded files are never moved or rewritten)`,
    ]);
  });
});
