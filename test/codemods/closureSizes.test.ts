// The planner keeps per-process sizes up to date incrementally (only processes a step can
// reach are walked again). Planning the example compares every step's incremental sizes with
// a full measurement (planEpic's afterStep).
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DIR, loadProject } from '../../src/config/loadProject.ts';
import { planEpic } from '../../src/plan/epicPlanner.ts';
import { ClosureSizes, measure } from '../../src/plan/planners/closureSizes.ts';
import { requireNamesOf } from '../../transforms/lua/lib/luaProject.ts';
import { MemoryWorkspace } from '../../src/stage/workspace.ts';
import { layoutConfig } from '../graph/helpers/layoutFixture.ts';

describe('incremental closure sizes', () => {
  it('equal a full measurement after every step of the example plan', async () => {
    const project = loadProject({ project: EXAMPLE_DIR, cwd: EXAMPLE_DIR });
    let checked = 0;
    const plan = await planEpic(project, {
      name: 'check-sizes',
      afterStep(tree, sizes) {
        const full = measure(tree, project.config);
        for (const k of ['shell', 'bundle', 'files'] as const) expect([...sizes[k]], `${k} after step ${checked + 1}`).toEqual([...full[k]]);
        checked++;
      },
    });
    expect(checked).toBeGreaterThan(30);
    expect(plan.steps.filter((s) => s.sizeImpact.length).length).toBeGreaterThan(30);
  });

  it('a created file captures a require that resolved nowhere (and only that process is walked)', () => {
    const config = layoutConfig({
      sourceRoot: 'src',
      processes: [
        { name: 'a', entry: 'src/a/main.lua' },
        { name: 'b', entry: 'src/b/main.lua' },
      ],
    });
    const ws = new MemoryWorkspace({ 'src/a/main.lua': 'local x = require("lib.x")\n', 'src/b/main.lua': 'return 1\n' });
    const sizes = new ClosureSizes(ws, config);
    expect(sizes.sizes.bundle.get('a')).toBe(27);
    const x = Buffer.from('return {}\n');
    ws.set('src/lib/x.lua', x);
    const after = sizes.update(ws, [{ kind: 'create', path: 'src/lib/x.lua', after: x }]);
    expect(after.bundle.get('a')).toBe(27 + x.length);
    expect(after.bundle.get('b')).toBe(9);
  });

  it('a file is reachable under every pattern that matches it', () => {
    const config = layoutConfig({ sourceRoot: 'src', processes: [{ name: 'a', entry: 'src/a/main.lua' }] });
    expect(requireNamesOf(config, 'src/lib/init.lua').sort()).toEqual(['lib', 'lib.init']);
    expect(requireNamesOf(config, 'other/x.lua')).toEqual([]);
  });
});
