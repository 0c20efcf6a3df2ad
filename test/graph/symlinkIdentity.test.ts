// One file reached through a symlinked folder (`src/<process>/module -> ../module`) is ONE
// module for every walker: the graph, the codemods' closures and the file set they edit.
import { afterAll, describe, expect, it } from 'vitest';
import { buildRequireGraph } from '../../src/graph/requireGraph.ts';
import { ClosureWalker } from '../../src/graph/closure.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { luaFiles } from '../../transforms/lua/lib/luaProject.ts';
import { copyLayout, layoutConfig, removeLayoutCopies } from './helpers/layoutFixture.ts';

afterAll(removeLayoutCopies);

describe('a file with two paths (symlinked shared folder)', () => {
  const config = layoutConfig({
    sourceRoot: 'src',
    processes: [
      { name: 'battle', entry: 'src/battle/main.lua' },
      { name: 'pokemon', entry: 'src/pokemon/main.lua' },
    ],
  });

  it('is listed once by the codemods, by its real path', () => {
    const ws = new DiskWorkspace(copyLayout('symlinked-shared'));
    expect(luaFiles(ws, config)).toEqual(['src/battle/main.lua', 'src/module/logger.lua', 'src/module/util.lua', 'src/pokemon/main.lua']);
  });

  it('is one module of the graph, carried by both processes, and once in each walk', () => {
    const ws = new DiskWorkspace(copyLayout('symlinked-shared'));
    const g = buildRequireGraph(config, ws);
    const util = [...g.modules.values()].filter((m) => m.realPath === 'src/module/util.lua');
    expect(util.map((m) => m.name)).toEqual(['module.util']);
    expect(g.moduleProcesses.get('module.util')).toEqual(['battle', 'pokemon']);
    expect(g.aliases.get('battle.module.util')).toBe('module.util');
    const walker = new ClosureWalker(ws, config);
    for (const p of ['battle', 'pokemon']) {
      const closure = walker.closureOf(p);
      expect(closure.filter((f) => f.endsWith('util.lua'))).toEqual(['src/module/util.lua']);
    }
  });
});
