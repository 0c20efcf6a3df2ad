// The real-world harness itself: its criteria and CI rule on made-up rows, its byte check, its
// bad arguments, and one whole run on a fixture project of two processes sharing a module with a
// busted spec (the table's fields, the reports written, the input untouched).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageResult } from './cli.ts';
import { ciFailure, evaluate, reportSchema, suspectEntries, type Row } from './row.ts';
import { compareTrees, hashTree, toolkitOutput, withoutInitGitignore } from './treeHash.ts';
import { planGitignore, writeGitignore } from '../../src/config/gitignore.ts';

const REPO = path.resolve(__dirname, '../..');
const FIXTURE = path.join(REPO, 'test/fixtures/realworld/two-processes');
const hasBusted = !spawnSync('busted', ['--version']).error && !spawnSync('lua5.3', ['-v']).error;

function row(over: Partial<Omit<Row, 'criteria'>> = {}): Omit<Row, 'criteria'> {
  const counts = { passed: 2, failed: 0, errors: 0, pending: 0 };
  const empty = { changed: [], missing: [], extra: [] };
  return {
    folder: 'p',
    input: '/in/p',
    ms: 1,
    processes: [{ name: 'a', entry: 'src/a/main.lua' }],
    suspectEntries: [],
    requires: { sites: 10, resolved: 10, unexplained: null },
    steps: { applied: 3, total: 3, states: { applied: 3 } },
    bytes: { originalMonolith: 10, federatedShells: 5, runtime: 5, hybridShells: 6 },
    parity: { ok: true, messages: 4, runs: 3, differences: 0, bootErrors: 0, processesVerified: 1 },
    ownTests: { before: counts, afterApply: counts, afterRollback: counts, verifyStatus: 'same' },
    rollback: { exit: 0, sinceApply: empty, sinceInput: empty, exact: true },
    inputUntouched: true,
    stages: [],
    ...over,
  };
}

describe('criteria', () => {
  it('a clean row meets every criterion and passes CI', () => {
    const r = row();
    const criteria = evaluate(r);
    expect(Object.values(criteria).every((c) => c.ok)).toBe(true);
    expect(ciFailure({ ...r, criteria })).toBeUndefined();
    expect(evaluate(row({ steps: { applied: 2, total: 3, states: { applied: 2, skipped: 1 } } })).stepsApplied.ok).toBe(true);
  });

  it('each unmet criterion says why; CI fails only on crashes, inexact rollback or a changed input', () => {
    const broken = row({
      suspectEntries: ['build/main.lua'],
      requires: { sites: 10, resolved: 5, unexplained: null },
      steps: { applied: 1, total: 3, states: { applied: 1, pending: 2 } },
      parity: { ok: true, messages: 0, runs: 0, differences: 0, bootErrors: 0, processesVerified: 0 },
      ownTests: {
        before: { passed: 2, failed: 0, errors: 0, pending: 0 },
        afterApply: { passed: 0, failed: 0, errors: 1, pending: 0 },
        afterRollback: { passed: 2, failed: 0, errors: 0, pending: 0 },
        verifyStatus: 'changed',
      },
      rollback: { exit: 1, sinceApply: { changed: [], missing: [], extra: [] }, sinceInput: { changed: ['.gitignore'], missing: [], extra: [] }, exact: false },
    });
    const c = evaluate(broken);
    expect(c.entries).toEqual({ ok: false, why: 'suspect: build/main.lua' });
    expect(c.requires.why).toBe('5/10 sites resolved (50.0 %), the unresolved ones not explained');
    expect(c.stepsApplied.why).toBe('1/3 ({"applied":1,"pending":2})');
    expect(c.parity.why).toBe('0/1 processes verified, 0 difference(s), 0 boot error(s)');
    expect(c.ownTests.why).toBe('after apply 0/0+1e vs before 2/0');
    expect(c.rollback.why).toBe('exit 1, identical since apply, 1 changed since the input');
    expect(ciFailure({ ...broken, criteria: c })).toBeUndefined();

    const crashed = row({
      stages: [stageResult('verify', ['verify'], { exit: 2, signal: null, timedOut: false, stdout: '', stderr: 'INTERNAL TypeError: x\n    at y', ms: 1 })],
    });
    expect(ciFailure({ ...crashed, criteria: evaluate(crashed) })).toBe('verify: INTERNAL');
    const leftover = row({
      rollback: {
        exit: 0,
        sinceApply: { changed: [], missing: [], extra: ['src/runtime/x.lua'] },
        sinceInput: { changed: [], missing: [], extra: ['src/runtime/x.lua'] },
        exact: false,
      },
    });
    expect(ciFailure({ ...leftover, criteria: evaluate(leftover) })).toBe('rollback not exact: 1 extra');
    const notApplied = evaluate(row({ rollback: { exit: null, sinceApply: null, sinceInput: { changed: [], missing: [], extra: [] }, exact: true } }));
    expect(notApplied.rollback).toEqual({ ok: false, why: 'rollback not run (nothing applied), not compared since apply, identical since the input' });
    expect(
      evaluate(row({ ownTests: { before: 'not run: busted not installed', afterApply: 'none', afterRollback: 'none', verifyStatus: null } })).ownTests.ok,
    ).toBe(false);
    expect(evaluate(row({ ownTests: { before: 'none', afterApply: 'none', afterRollback: 'none', verifyStatus: 'none' } })).ownTests.ok).toBe(true);
  });

  it('stage results: codes, timeouts, crashes', () => {
    const run = { signal: null, timedOut: false, stdout: '', ms: 5 };
    expect(stageResult('plan', ['plan'], { ...run, exit: 2, stderr: 'PLAN-003 x.json: plan has 1 problem(s):\n  - a' })).toMatchObject({
      ok: false,
      code: 'PLAN-003',
      message: 'x.json: plan has 1 problem(s):',
    });
    expect(stageResult('plan', ['plan'], { ...run, exit: 1, stderr: '' }, [0, 1]).ok).toBe(true);
    expect(stageResult('verify', ['verify'], { ...run, exit: null, timedOut: true, stderr: '' })).toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(stageResult('verify', ['verify'], { ...run, exit: null, signal: 'SIGSEGV', stderr: '' })).toMatchObject({ ok: false, code: 'CRASH' });
  });

  it('suspect entries: build output, patches, mocks, specs, examples', () => {
    const entries = [
      'src/main.lua',
      'build/main.lua',
      'patches/2024-01-01-fix.lua',
      'spec/setup.lua',
      'packages/x/examples/demo.lua',
      'src/foo_spec.lua',
      'process-dist/p.lua',
    ].map((entry) => ({ entry }));
    expect(suspectEntries(entries)).toEqual(entries.slice(1).map((e) => e.entry));
  });
});

describe('tree check', () => {
  it('sees changed, missing and extra files and symlink targets; toolkit outputs are left out', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'tree-'));
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'src/a.lua'), 'a');
    writeFileSync(path.join(root, 'src/b.lua'), 'b');
    symlinkSync('src', path.join(root, 'link'));
    const before = hashTree(root);
    writeFileSync(path.join(root, 'src/a.lua'), 'A');
    rmSync(path.join(root, 'src/b.lua'));
    writeFileSync(path.join(root, 'src/c.lua'), 'c');
    rmSync(path.join(root, 'link'));
    symlinkSync('elsewhere', path.join(root, 'link'));
    mkdirSync(path.join(root, '.migrate'));
    writeFileSync(path.join(root, '.migrate/journal.jsonl'), '');
    writeFileSync(path.join(root, 'migrate.config.json'), '{}');
    mkdirSync(path.join(root, 'traces/probes'), { recursive: true });
    writeFileSync(path.join(root, 'traces/probes/a.jsonl'), '');
    expect(compareTrees(before, hashTree(root), toolkitOutput('build'))).toEqual({
      changed: ['link', 'src/a.lua'],
      missing: ['src/b.lua'],
      extra: ['src/c.lua'],
    });
  });

  it("leaves out the block init appends to .gitignore (created or appended), not the project's own edits", () => {
    for (const own of [undefined, 'node_modules', 'node_modules\n', 'a\r\nb\r\n']) {
      const root = mkdtempSync(path.join(os.tmpdir(), 'tree-'));
      if (own !== undefined) writeFileSync(path.join(root, '.gitignore'), own);
      const before = hashTree(root);
      writeGitignore(planGitignore(root, ['reports', '.migrate']));
      const after = hashTree(root);
      expect(compareTrees(before, after)).not.toEqual({ changed: [], missing: [], extra: [] });
      expect(compareTrees(before, withoutInitGitignore(root, before, after))).toEqual({ changed: [], missing: [], extra: [] });
      writeFileSync(path.join(root, '.gitignore'), `x${readFileSync(path.join(root, '.gitignore'), 'latin1')}`);
      expect(
        compareTrees(before, withoutInitGitignore(root, before, hashTree(root))).changed.length +
          compareTrees(before, withoutInitGitignore(root, before, hashTree(root))).extra.length,
      ).toBe(1);
    }
  });
});

const runHarness = (args: string[]) =>
  spawnSync(process.execPath, [path.join(REPO, 'bin/run-ts.mjs'), 'test/realworld/realWorld.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: 600_000 });

describe('npm run real-world', () => {
  it('refuses a folder that does not exist, writing nothing (exit 2)', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'rw-out-'));
    const r = runHarness(['/no/such/folder', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('REALWORLD-001 not a folder: /no/such/folder');
    expect(existsSync(path.join(out, 'real-world.json'))).toBe(false);
  });

  it('leaves out a file a glob names beside the projects, and refuses when only files are left (exit 2)', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'rw-out-'));
    const file = path.join(out, 'README.md');
    writeFileSync(file, '# not a project\n');
    const r = runHarness([file, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`skip ${file}: a file, not a project folder`);
    expect(r.stderr).toContain(`REALWORLD-001 not a folder: ${file}`);
    expect(existsSync(path.join(out, 'real-world.json'))).toBe(false);
  });

  it('takes a two-process fixture through the whole migration and reports every field', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'rw-out-'));
    const before = hashTree(FIXTURE);
    const r = runHarness([FIXTURE, '--out', out]);
    const report = reportSchema.parse(JSON.parse(readFileSync(path.join(out, 'real-world.json'), 'utf8')));
    expect(r.status).toBe(report.ok ? 0 : 1);
    const row = report.rows[0]!;
    expect(row.folder).toBe('two-processes');
    expect(row.stages.map((s) => s.stage)).toEqual([
      'init',
      'audit',
      'plan',
      'decide',
      'bundle-original',
      'apply',
      'status',
      'bundle-monolith',
      'bundle-federated',
      'bundle-hybrid',
      'verify',
      'rollback',
    ]);
    expect(row.criteria.noInternal.ok).toBe(true);
    expect(row.processes?.map((p) => p.name)).toEqual(['alpha', 'beta']);
    expect(row.requires).toMatchObject({ sites: 2, resolved: 2 }); // the spec's require is a test's, not a process's
    expect(row.steps!.total).toBeGreaterThan(0);
    expect(row.steps!.applied).toBe(row.steps!.total);
    expect(row.bytes.originalMonolith).toBeGreaterThan(0);
    expect(row.bytes.federatedShells).toBeGreaterThan(0);
    expect(row.bytes.runtime).toBeGreaterThan(0);
    expect(row.parity).toMatchObject({ ok: true, differences: 0, bootErrors: 0, processesVerified: 2 });
    expect(row.parity!.messages).toBeGreaterThan(0);
    if (hasBusted) {
      expect(row.ownTests.before).toEqual({ passed: 2, failed: 0, errors: 0, pending: 0 });
      expect(row.ownTests.afterRollback).toEqual(row.ownTests.before);
      expect(typeof row.ownTests.afterApply).toBe('object');
    } else {
      expect(row.ownTests.before).toMatch(/^not run: .*apt-get install -y lua5\.3 lua-busted/);
    }
    expect(row.rollback).toMatchObject({ exit: 0, exact: true });
    expect(row.inputUntouched).toBe(true);
    expect(compareTrees(before, hashTree(FIXTURE))).toEqual({ changed: [], missing: [], extra: [] });
    expect(r.stdout).toMatch(/^folder\s+procs/m);
    expect(r.stdout).toMatch(/^two-processes\s+2\s+2\/2/m);
    expect(readFileSync(path.join(out, 'real-world.md'), 'utf8')).toContain('| two-processes | 2 | 2/2 |');
  }, 600_000);
});
