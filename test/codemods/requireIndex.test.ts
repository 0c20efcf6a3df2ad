// The planner's shortcuts must answer exactly like the full scans they replace: files requiring
// a name from a workspace's require index (kept up to date as files change, staged writes
// folded in), and "reached by another process" found backwards by name.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DIR, loadProject } from '../../src/config/loadProject.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { createTree } from '../../src/stage/stagedTree.ts';
import { requiredNamesByFile } from '../../transforms/lua/lib/rewriteRequires.ts';
import { luaFiles, luaFilesRequiring, processClosures, reachedByOthers } from '../../transforms/lua/lib/luaProject.ts';
import { MemoryWorkspace } from '../../src/stage/workspace.ts';
import { snapshotOf } from '../support/treeSnapshots.ts';
import { luaFileFacts } from '../../src/graph/luaFiles.ts';

const project = loadProject({ project: EXAMPLE_DIR, cwd: EXAMPLE_DIR });
const { config } = project;

describe('planner shortcuts', () => {
  it('callers through the require index equal a scan of every file, as files change', () => {
    const disk = new DiskWorkspace(project.root);
    const base = new MemoryWorkspace(Object.fromEntries(snapshotOf(disk)), project.root);
    const names = [...new Set(luaFiles(disk, config).flatMap((f) => luaFileFacts(disk.read(f)!, f).sites.map((s) => s.name)))];
    expect(names.length).toBeGreaterThan(50);
    const keep = (hits: string[]) => hits.length > 0;
    const same = (indexed: ReturnType<typeof createTree>, scanned: ReturnType<typeof createTree>) => {
      for (let i = 0; i < names.length; i += 3) {
        const set = new Set(names.slice(i, i + 3));
        expect(requiredNamesByFile(indexed, config, set, keep)).toEqual(requiredNamesByFile(scanned, config, set, keep));
      }
    };
    same(createTree(base), createTree(disk));
    // change the base (as the planner folds a step) and stage more on top (as a transform does)
    const victim = luaFiles(disk, config).find((f) => luaFileFacts(disk.read(f)!, f).sites.length > 2)!;
    const scannedBase = new MemoryWorkspace(Object.fromEntries(snapshotOf(disk)), project.root);
    for (const ws of [base, scannedBase]) {
      ws.set(victim, Buffer.from('local x = require("brand.new")\n'));
      ws.set('ao-processes/extra/new.lua', Buffer.from(`local y = require("${names[0]}")\n`));
    }
    const indexed = createTree(base);
    indexed.write('ao-processes/extra/staged.lua', `local z = require("${names[1]}")\n`);
    indexed.delete('ao-processes/extra/new.lua');
    const scanned = createTree(new MemoryWorkspace(Object.fromEntries(snapshotOf(indexed)), project.root));
    same(indexed, scanned);
    expect(luaFilesRequiring(indexed, config, ['brand.new'])).toEqual([victim]);
    expect(luaFilesRequiring(indexed, config, [names[1]!])).toContain('ao-processes/extra/staged.lua');
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
