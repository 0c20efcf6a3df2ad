// The worker flow with the parse cache taking facts computed elsewhere (`rememberLuaFileFacts`
// in src/graph/luaFiles.ts; a stand-in here counts what is remembered and which trees are asked
// for): workers compute the require graph's facts too, the graph parses nothing on the main
// thread for their files, and the report does not change.
import { describe, expect, it, vi } from 'vitest';
import type { LuaFileFacts } from '../../src/graph/luaFiles.ts';

const hook = vi.hoisted(() => ({ remembered: 0, treesAsked: 0 }));

vi.mock('../../src/graph/luaFiles.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/graph/luaFiles.ts')>();
  const remembered = new WeakMap<Buffer, Omit<LuaFileFacts, 'parsed'>>();
  return {
    ...real,
    rememberLuaFileFacts: (bytes: Buffer, facts: Omit<LuaFileFacts, 'parsed'>) => {
      remembered.set(bytes, facts);
      hook.remembered++;
    },
    luaFileFacts: (bytes: Buffer, file: string): LuaFileFacts => {
      const facts = remembered.get(bytes);
      if (!facts) return real.luaFileFacts(bytes, file);
      return {
        ...facts,
        get parsed() {
          hook.treesAsked++;
          return real.luaFileFacts(bytes, file).parsed;
        },
      };
    },
  };
});

const { auditLua, auditLuaParallel } = await import('../../src/audit/runAudit.ts');
const { startFactsPool } = await import('../../src/audit/factsPool.ts');
const { clearParseCache, listLuaFiles, luaFileFacts } = await import('../../src/graph/luaFiles.ts');
const { loadProject, EXAMPLE_DIR } = await import('../../src/config/loadProject.ts');
const { DiskWorkspace } = await import('../../src/stage/workspace.ts');

const example = loadProject({ project: EXAMPLE_DIR, cwd: EXAMPLE_DIR });

describe('audit workers with the parse cache hook', () => {
  it("a worker's graph facts are the parse cache's", async () => {
    const ws = new DiskWorkspace(example.root);
    const files = listLuaFiles(example.config, ws).slice(0, 40);
    const buffers = files.map((f) => ws.read(f)!);
    const got = await startFactsPool(buffers, 1, { graphFacts: true }).finish();
    files.forEach((f, i) => {
      const real = luaFileFacts(buffers[i]!, f);
      expect(got.get(i)!.graph, f).toEqual({
        bom: real.bom,
        utf8: real.utf8,
        ...(real.error ? { error: real.error } : {}),
        sites: real.sites,
        dynamic: real.dynamic,
        functions: real.functions,
        lines: real.lines,
        usesFederation: real.usesFederation,
      });
    });
  });

  it('the report is the same, and files analysed by workers are never parsed on the main thread', async () => {
    clearParseCache();
    const one = auditLua(example.config, new DiskWorkspace(example.root), 'pokerogue-ao');
    clearParseCache();
    hook.remembered = 0;
    hook.treesAsked = 0;
    // The workers take every file: the main thread only assembles.
    const two = await auditLuaParallel(example.config, new DiskWorkspace(example.root), 'pokerogue-ao', {
      jobs: 3,
      minParallelBytes: 0,
      mainThreadShare: false,
    });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    const ws = new DiskWorkspace(example.root);
    expect(hook.remembered).toBe(listLuaFiles(example.config, ws).filter((f) => ws.read(f)!.length > 0).length);
    expect(hook.treesAsked).toBe(0);
    // Shared with this thread: the same report again.
    clearParseCache();
    const shared = await auditLuaParallel(example.config, new DiskWorkspace(example.root), 'pokerogue-ao', { jobs: 2, minParallelBytes: 0 });
    expect(JSON.stringify(shared)).toBe(JSON.stringify(one));
  });
});
