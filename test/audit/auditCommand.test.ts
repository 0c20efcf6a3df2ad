// `migrate audit` end to end (in-process): writes audit.json + audit.html, prints the table and
// every problem as file:line:col, exits 1 only under --strict, and --json prints the report.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyLayout, removeLayoutCopies } from '../graph/helpers/layoutFixture.ts';
import { runCli as runMigrate } from '../helpers/runCli.ts';

afterAll(removeLayoutCopies);

describe('migrate audit', () => {
  it('goes on past bad inputs, lists them with file:line:col, and fails only under --strict', async () => {
    const dir = copyLayout('bad-inputs');
    const plain = await runMigrate(['audit', '--project', dir], dir);
    expect(plain.err).toBe('');
    expect(plain.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'reports', 'audit.json'), 'utf8'));
    expect(existsSync(path.join(dir, 'reports', 'audit.html'))).toBe(true);
    const parseErrors = report.problems.filter((p: { kind: string }) => p.kind === 'parse-error');
    expect(parseErrors.length).toBeGreaterThan(0);
    for (const p of parseErrors) expect(plain.out).toContain(`${p.path}:${p.line}:${p.column}: parse-error: ${p.message}`);
    const kinds = new Set(report.problems.map((p: { kind: string }) => p.kind));
    for (const k of ['cycle', 'non-utf8', 'empty-file', 'missing-entry']) expect(kinds).toContain(k);

    const strict = await runMigrate(['audit', '--strict', '--project', dir, '--out', path.join(dir, 'strict')], dir);
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/--strict: \d+ problem/);
    expect(existsSync(path.join(dir, 'strict', 'audit.json'))).toBe(true);
  });

  it('--json prints the report with the documented fields; a clean project passes --strict', async () => {
    const dir = copyLayout('symlinked-shared');
    const r = await runMigrate(['audit', '--json', '--strict', '--project', dir, '--out', path.join(dir, 'out')], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.schema).toBe('ao-migrate/audit@2');
    for (const p of report.processes) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['process', 'entry', 'modules', 'bundleBytes', 'sharedBytes', 'specificBytes']));
      expect(p.bundleBytes).toBe(p.sharedBytes + p.specificBytes);
      expect(p.modules.at(-1)).toBe(report.modules.find((m: { path: string }) => m.path === p.entry)?.name);
    }
    for (const m of report.modules) expect(Object.keys(m)).toEqual(expect.arrayContaining(['name', 'path', 'bytes', 'processes']));
    // Each real file once, although two folders link to it.
    const paths = report.modules.map((m: { path: string }) => m.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(JSON.parse(readFileSync(path.join(dir, 'out', 'audit.json'), 'utf8'))).toEqual(report);
  });

  it('a missing config is CFG-001 with the init hint, exit 2', async () => {
    const dir = copyLayout('copied-modules');
    const r = await runMigrate(['audit', '--project', dir], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/CFG-001/);
    expect(r.err).toMatch(/migrate init/);
  });
});
