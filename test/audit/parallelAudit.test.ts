// `migrate audit --jobs N`: worker threads extract the per-file facts, and the report is the
// same as on one thread (facts are content hashes, whoever computed them); a file that does not
// parse is still reported with file:line:col; a worker's facts equal the main thread's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditLua, auditLuaParallel } from '../../src/audit/runAudit.ts';
import { startFactsPool } from '../../src/audit/factsPool.ts';
import { fileAuditFacts } from '../../src/audit/luaUnits.ts';
import { loadProject, EXAMPLE_DIR } from '../../src/config/loadProject.ts';
import { clearParseCache, listLuaFiles } from '../../src/graph/luaFiles.ts';
import { parseLua } from '../../src/parse/luaSource.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { LAYOUTS_DIR, copyLayout, layoutConfig, removeLayoutCopies } from '../graph/helpers/layoutFixture.ts';
import { runCli } from '../helpers/runCli.ts';

afterAll(removeLayoutCopies);

const example = loadProject({ project: EXAMPLE_DIR, cwd: EXAMPLE_DIR });
// Each audit has its own AuditSession (a cold start for the facts); only the graph's parse cache is shared.
const cold = (): void => {
  clearParseCache();
};

describe('audit on worker threads', () => {
  it('jobs 1, 3 and 4 give the same report on the example', async () => {
    cold();
    const one = auditLua(example.config, new DiskWorkspace(example.root), 'pokerogue-ao');
    cold();
    const three = await auditLuaParallel(example.config, new DiskWorkspace(example.root), 'pokerogue-ao', { jobs: 3, minParallelBytes: 0 });
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
    // The workers alone: every file's facts come from a worker.
    cold();
    const workers = await auditLuaParallel(example.config, new DiskWorkspace(example.root), 'pokerogue-ao', {
      jobs: 4,
      minParallelBytes: 0,
      mainThreadShare: false,
    });
    expect(JSON.stringify(workers)).toBe(JSON.stringify(one));
  });

  it("a worker's facts are the main thread's, token for token", async () => {
    const ws = new DiskWorkspace(example.root);
    const files = listLuaFiles(example.config, ws).slice(0, 40);
    const buffers = files.map((f) => ws.read(f)!);
    const pool = startFactsPool(buffers, 1);
    // This thread claims nothing: the worker analyses every file.
    const got = await pool.finish();
    expect(got.size).toBe(files.length);
    files.forEach((f, i) => {
      const parsed = parseLua(buffers[i]!, f, { lean: true });
      expect(got.get(i)!.facts, f).toEqual(fileAuditFacts(parsed.text, parsed.ast!));
    });
  });

  it('a file that does not parse is reported with file:line:col in worker mode too', async () => {
    const dir = path.join(LAYOUTS_DIR, 'bad-inputs');
    const config = layoutConfig(JSON.parse(readFileSync(path.join(dir, 'migrate.config.json'), 'utf8')));
    cold();
    const one = auditLua(config, new DiskWorkspace(dir), 'bad-inputs');
    cold();
    const two = await auditLuaParallel(config, new DiskWorkspace(dir), 'bad-inputs', { jobs: 3, minParallelBytes: 0, mainThreadShare: false });
    expect(two.problems.filter((p) => p.kind === 'parse-error')).toEqual([
      { kind: 'parse-error', path: 'ao-processes/lib/broken.lua', line: 4, column: 15, message: "<expression> expected near '='" },
    ]);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('a project under minParallelBytes stays on the calling thread', async () => {
    const dir = path.join(LAYOUTS_DIR, 'copied-modules');
    const config = layoutConfig({
      sourceRoot: 'ao-processes',
      processes: ['coordinator', 'battle'].map((name) => ({ name, entry: `ao-processes/${name}/main.lua` })),
    });
    const one = auditLua(config, new DiskWorkspace(dir), 'copied-modules');
    const small = await auditLuaParallel(config, new DiskWorkspace(dir), 'copied-modules', { jobs: 4 });
    expect(small).toEqual(one);
  });

  it('`migrate audit --jobs` takes a positive integer and writes the same audit.json', async () => {
    const dir = copyLayout('copied-modules');
    const bad = await runCli(['audit', '--jobs', '0', '--project', EXAMPLE_DIR, '--out', path.join(dir, 'bad')], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/CLI-010.*--jobs must be a positive integer/);
    const outs: string[] = [];
    for (const jobs of ['1', '3']) {
      const out = path.join(dir, `jobs-${jobs}`);
      const r = await runCli(['audit', '--no-ts', '--jobs', jobs, '--project', EXAMPLE_DIR, '--out', out], dir);
      expect(r.code).toBe(0);
      outs.push(readFileSync(path.join(out, 'audit.json'), 'utf8'));
    }
    expect(outs[1]).toBe(outs[0]);
  });
});
