// Bad input never crashes the graph: each problem is reported with file:line:col and a clear
// message, and the rest of the project is still analysed.
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { buildRequireGraph } from '../../src/graph/requireGraph.ts';
import { auditLua } from '../../src/audit/runAudit.ts';
import { encodeLua, parseLua } from '../../src/parse/luaSource.ts';
import { loadProject } from '../../src/config/loadProject.ts';
import { isMigrateError } from '../../src/errors.ts';
import { copyLayout, LAYOUTS_DIR, layoutConfig, removeLayoutCopies } from './helpers/layoutFixture.ts';

const outsideDirs: string[] = [];
afterAll(() => {
  removeLayoutCopies();
  for (const d of outsideDirs) rmSync(d, { recursive: true, force: true });
});

const badConfig = (dir: string) => layoutConfig(JSON.parse(readFileSync(path.join(dir, 'migrate.config.json'), 'utf8')));

describe('bad-inputs', () => {
  const dir = path.join(LAYOUTS_DIR, 'bad-inputs');
  const graph = buildRequireGraph(badConfig(dir), new DiskWorkspace(dir));
  const problem = (kind: string) => graph.problems.filter((p) => p.kind === kind);

  it('a file that does not parse: file:line:col and the parser message, the rest goes on', () => {
    expect(problem('parse-error')).toEqual([
      { kind: 'parse-error', path: 'ao-processes/lib/broken.lua', line: 4, column: 15, message: "<expression> expected near '='" },
    ]);
    expect(graph.modules.get('lib.broken')!.parseError).toMatchObject({ line: 4, column: 15 });
    expect(graph.processes.find((p) => p.name === 'alpha')!.modules).toContain('lib.latin1');
  });

  it('a cycle is reported once, with its full path', () => {
    expect(graph.cycles).toEqual([['lib.cycle-a', 'lib.cycle-b', 'lib.cycle-c', 'lib.cycle-a']]);
    const [cycle] = problem('cycle');
    expect(cycle!.message).toContain('lib.cycle-a -> lib.cycle-b -> lib.cycle-c -> lib.cycle-a');
    expect(cycle!.path).toBe('ao-processes/lib/cycle-c.lua');
    expect(cycle!.line).toBe(1);
  });

  it('non-UTF-8 bytes are reported and survive the decode/encode round trip', () => {
    expect(problem('non-utf8').map((p) => p.path)).toEqual(['ao-processes/lib/latin1.lua']);
    const bytes = readFileSync(path.join(dir, 'ao-processes/lib/latin1.lua'));
    const parsed = parseLua(bytes, 'latin1.lua');
    expect(parsed.utf8).toBe(false);
    expect(parsed.error).toBeUndefined();
    expect(encodeLua(parsed.text, parsed.bom).equals(bytes)).toBe(true);
  });

  it('an empty file, a missing entry and an unresolved require each get their own problem', () => {
    expect(problem('empty-file').map((p) => p.path)).toEqual(['ao-processes/lib/empty.lua']);
    expect(graph.modules.get('lib.empty')).toMatchObject({ bytes: 0, lines: 0 });
    expect(problem('missing-entry')).toEqual([
      expect.objectContaining({ path: 'ao-processes/ghost/main.lua', message: expect.stringContaining("process 'ghost'") }),
    ]);
    expect(graph.processes.map((p) => p.name)).toEqual(['alpha']);
    expect(problem('unresolved-require')).toEqual([
      expect.objectContaining({ path: 'ao-processes/alpha/main.lua', line: 5, column: 17, message: expect.stringContaining('lib.does-not-exist') }),
    ]);
  });

  it('a symlink that leaves the project is reported as outside-project', () => {
    const copy = copyLayout('bad-inputs');
    const outside = mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    outsideDirs.push(outside);
    writeFileSync(path.join(outside, 'secret.lua'), 'return { secret = true }\n');
    symlinkSync(path.join(outside, 'secret.lua'), path.join(copy, 'ao-processes/lib/secret.lua'));
    appendFileSync(path.join(copy, 'ao-processes/alpha/main.lua'), 'local Secret = require("lib.secret")\n');
    const g = buildRequireGraph(badConfig(copy), new DiskWorkspace(copy));
    expect(g.problems.filter((p) => p.kind === 'outside-project').map((p) => p.path)).toEqual(['ao-processes/lib/secret.lua']);
  });

  it('a 5 MB data module is parsed and measured like any other', () => {
    const copy = copyLayout('bad-inputs');
    mkdirSync(path.join(copy, 'ao-processes/data'), { recursive: true });
    const rows: string[] = ['local Species = {'];
    let size = 0;
    for (let i = 1; size < 5 * 1024 * 1024; i++) {
      const row = `  [${i}] = { id = ${i}, name = "species-${i}", types = { "normal", "flying" }, baseStats = { 45, 49, 49, 65, 65, 45 }, abilities = { "overgrow", "chlorophyll" } },`;
      rows.push(row);
      size += row.length + 1;
    }
    rows.push('}', 'return Species', '');
    const text = rows.join('\n');
    writeFileSync(path.join(copy, 'ao-processes/data/species.lua'), text);
    appendFileSync(path.join(copy, 'ao-processes/alpha/main.lua'), 'local Species = require("data.species")\n');
    const g = buildRequireGraph(badConfig(copy), new DiskWorkspace(copy));
    const node = g.modules.get('data.species')!;
    expect(node.bytes).toBe(Buffer.byteLength(text));
    expect(node.bytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(node.parseError).toBeUndefined();
    expect(g.processes[0]!.modules).toContain('data.species');
    // The whole audit goes through it too, and counts it in the bundle.
    const report = auditLua(badConfig(copy), new DiskWorkspace(copy), 'big');
    expect(report.modules.find((m) => m.name === 'data.species')!.bytes).toBe(node.bytes);
    expect(report.processes[0]!.bundleBytes).toBeGreaterThan(node.bytes);
  });
});

describe('outside-project config', () => {
  it('a config naming an entry outside the project is refused with the field and the reason', () => {
    const dir = path.join(LAYOUTS_DIR, 'outside-project');
    let caught: unknown;
    try {
      loadProject({ project: dir, cwd: dir });
    } catch (e) {
      caught = e;
    }
    expect(isMigrateError(caught)).toBe(true);
    const err = caught as import('../../src/errors.ts').MigrateError;
    expect(err.code).toBe('CFG-003');
    expect(err.message).toContain('processes.1.entry');
    expect(err.message).toContain('must stay inside the project');
    expect(err.exitCode).toBe(2);
  });
});
