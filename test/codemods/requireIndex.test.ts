// The planner's shortcuts must answer exactly like the full scans they replace: callers found
// through a RequireIndex, and "reached by another process" found backwards by name.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DIR, loadProject } from '../../src/config/loadProject.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { createTree } from '../../src/stage/stagedTree.ts';
import { RequireIndex, requiredNamesByFile } from '../../transforms/lua/lib/rewriteRequires.ts';
import { luaFiles, processClosures, reachedByOthers } from '../../transforms/lua/lib/luaProject.ts';
import { luaFileFacts } from '../../src/graph/luaFiles.ts';

const project = loadProject({ project: EXAMPLE_DIR, cwd: EXAMPLE_DIR });
const { config } = project;

describe('planner shortcuts', () => {
  it('callers through a RequireIndex equal a scan of every file', () => {
    const tree = createTree(new DiskWorkspace(project.root));
    const index = new RequireIndex(tree, config);
    const names = [...new Set(luaFiles(tree, config).flatMap((f) => luaFileFacts(tree.read(f)!, f).sites.map((s) => s.name)))];
    expect(names.length).toBeGreaterThan(50);
    for (let i = 0; i < names.length; i += 3) {
      const set = new Set(names.slice(i, i + 3));
      const keep = (hits: string[]) => hits.length > 0;
      expect(requiredNamesByFile(tree, config, set, keep, index)).toEqual(requiredNamesByFile(tree, config, set, keep));
    }
    expect(() => requiredNamesByFile(createTree(new DiskWorkspace(project.root)), config, new Set(['x']), () => true, index)).toThrow(/another tree/);
  });

  it('reachedByOthers by name (staged tree) equals the forward closures of the other processes', () => {
    const disk = new DiskWorkspace(project.root);
    const closures = processClosures(disk, config);
    for (const p of config.processes) {
      const mine = closures.get(p.name)!;
      const others = new Set(config.processes.filter((q) => q.name !== p.name).flatMap((q) => closures.get(q.name)!));
      const want = mine.filter((f) => others.has(f));
      expect([...reachedByOthers(createTree(disk), config, p.name, mine)].sort(), p.name).toEqual(want.sort());
      expect([...reachedByOthers(disk, config, p.name, mine)].sort(), p.name).toEqual(want.sort());
    }
  });
});
