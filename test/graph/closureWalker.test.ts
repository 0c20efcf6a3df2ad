// The codemods' per-process closures (ClosureWalker: walks only what a process reaches) must
// hold the same files as the canonical require graph's closures, on every layout fixture and
// on the example, with symlinked folders folded onto real paths.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { buildRequireGraph } from '../../src/graph/requireGraph.ts';
import type { ProjectConfig } from '../../src/config/projectConfig.ts';
import type { Workspace } from '../../src/files/tree.ts';
import { loadProject, EXAMPLE_DIR } from '../../src/config/loadProject.ts';
import { processClosure, processClosures } from '../../transforms/lua/lib/luaProject.ts';
import { copyLayout, LAYOUTS_DIR, layoutConfig, removeLayoutCopies, type LayoutName } from './helpers/layoutFixture.ts';

afterAll(removeLayoutCopies);

/** The canonical graph's closure of each process, as a set of paths. */
function graphClosures(config: ProjectConfig, ws: Workspace): Map<string, string[]> {
  const g = buildRequireGraph(config, ws);
  return new Map(g.processes.map((p) => [p.name, p.modules.map((m) => g.modules.get(m)!.path).sort()]));
}

function expectSameClosures(config: ProjectConfig, ws: Workspace): void {
  const ours = processClosures(ws, config);
  const canonical = graphClosures(config, ws);
  expect(config.processes.length).toBeGreaterThan(0);
  for (const p of config.processes) {
    const mine = ours.get(p.name)!;
    expect([...mine].sort(), p.name).toEqual(canonical.get(p.name) ?? []);
    if (ws.exists(p.entry)) expect(mine[0]).toBe((ws as DiskWorkspace).realPath(p.entry));
    else expect(mine).toEqual([]);
    expect(processClosure(ws, config, p.name)).toEqual(mine);
  }
}

const copiedProcesses = ['coordinator', 'battle', 'pokemon', 'economy', 'admin'];
const layouts: { name: LayoutName; config: () => Record<string, unknown> }[] = [
  {
    name: 'copied-modules',
    config: () => ({ sourceRoot: 'ao-processes', processes: copiedProcesses.map((p) => ({ name: p, entry: `ao-processes/${p}/main.lua` })) }),
  },
  {
    name: 'nested-root',
    config: () => ({ sourceRoot: 'backend/lua', processes: ['shop', 'berries'].map((p) => ({ name: p, entry: `backend/lua/${p}/main.lua` })) }),
  },
  ...(['symlinked-shared', 'syntax-zoo', 'bad-inputs'] as const).map((name) => ({
    name,
    config: () => JSON.parse(readFileSync(path.join(LAYOUTS_DIR, name, 'migrate.config.json'), 'utf8')) as Record<string, unknown>,
  })),
];

describe('ClosureWalker equals the canonical graph', () => {
  for (const { name, config } of layouts) {
    it(name, () => {
      const dir = name === 'symlinked-shared' ? copyLayout(name) : path.join(LAYOUTS_DIR, name);
      expectSameClosures(layoutConfig(config()), new DiskWorkspace(dir));
    });
  }

  it('the example (six processes, 159 modules)', () => {
    const project = loadProject({ project: EXAMPLE_DIR, cwd: EXAMPLE_DIR });
    const ws = new DiskWorkspace(project.root);
    expectSameClosures(project.config, ws);
    const battle = processClosures(ws, project.config).get('battle')!;
    expect(battle[0]).toBe(project.config.processes.find((p) => p.name === 'battle')!.entry);
    expect(battle.length).toBeGreaterThan(50);
  });
});
