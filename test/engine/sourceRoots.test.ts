// Issue 14, "what was seen" 4: with sourceRoot '.', apply moved files to runtime/mmon/... while
// rewriting the requires to runtime.common.*, and exited 0. Now a moved module keeps the
// pattern its old path matched, for the project root and for a nested root, and after every
// step: every process resolves, the project's own tests (outside the rewritten set) pass, the
// three builds build; rollback gives every byte back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyStep, rollback } from '../../src/engine/engine.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { buildRequireGraph } from '../../src/graph/requireGraph.ts';
import { buildProject } from '../../src/bundle/index.ts';
import { bytesOf, copyProject, planKeepingApart, removeProjects, runLua } from './helpers/layoutProject.ts';

afterAll(removeProjects);

const cases = [
  {
    layout: 'root-dot',
    spec: 'spec/util_spec.lua',
    moved: { 'runtime/common/util.lua': 'common/util.lua', 'runtime/shared/init.lua': 'shared/init.lua', 'b/common/only-b.lua': 'common/only-b.lua' },
  },
  {
    layout: 'nested-shared',
    spec: 'backend/spec/inventory_spec.lua',
    moved: {
      'backend/lua/runtime/common/inventory.lua': 'backend/lua/common/inventory.lua',
      'backend/lua/runtime/common/init.lua': 'backend/lua/common/init.lua',
    },
  },
];

describe.each(cases)('source root of $layout', ({ layout, spec, moved }) => {
  it('moves each module where its new require name resolves; every step keeps processes, tests and builds working', async () => {
    const project = copyProject(layout);
    const original = bytesOf(project.root);
    const plan = await planKeepingApart(project);
    expect(plan.steps.some((s) => s.transform === 'lua/move-to-runtime')).toBe(true);
    for (const step of plan.steps) {
      await applyStep(project, step.id, {});
      const ws = new DiskWorkspace(project.root);
      const graph = buildRequireGraph(project.config, ws);
      expect(
        graph.problems.filter((p) => p.kind === 'unresolved-require' || p.kind === 'missing-entry'),
        step.id,
      ).toEqual([]);
      expect(runLua(project.root, spec), step.id).toMatch(/passed/);
      for (const mode of ['monolith', 'federated', 'hybrid'] as const) expect(() => buildProject(project, ws, mode), `${step.id} ${mode}`).not.toThrow();
    }
    // The module is at the new path (its requires renamed); the old path forwards (the spec requires the old name).
    for (const [to, from] of Object.entries(moved)) {
      const was = Buffer.from(original[from]!, 'hex')
        .toString('latin1')
        .replace(/require\("common\.util"\)/, 'require("runtime.common.util")');
      expect(readFileSync(path.join(project.root, to), 'latin1'), to).toBe(was);
      expect(readFileSync(path.join(project.root, from), 'utf8')).toMatch(/^return require\("[a-z.-]+"\) -- ao-federate: moved to /);
    }
    const manifest = JSON.parse(readFileSync(path.join(project.root, project.config.runtime.dir, 'manifest.json'), 'utf8')) as { modules: { path: string }[] };
    expect(manifest.modules.map((m) => m.path).sort()).toEqual(
      Object.keys(moved)
        .filter((p) => p.includes('runtime/'))
        .sort(),
    );
    const r = await rollback(project);
    expect(r.mismatches).toEqual([]);
    expect(bytesOf(project.root)).toEqual(original);
  });
});
