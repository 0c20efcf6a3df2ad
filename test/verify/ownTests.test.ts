// The project's own busted suites: where they are found, how they are counted, that they run in
// a copy (the project is never written), "not run" when busted is missing, and verify's
// before/after comparison (stored with the baseline).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSuites, parseCountsLine, runOwnTests } from '../../src/verify/ownTests.ts';
import { compareOwnTests, ensureOwnTestsBaseline, readOwnTestsBaseline, renderOwnTests } from '../../src/verify/ownTestsBaseline.ts';
import { runCli } from '../helpers/runCli.ts';

const FIXTURE = path.resolve(__dirname, '../fixtures/realworld/two-processes');
const hasBusted = !spawnSync('busted', ['--version']).error && !spawnSync('lua5.3', ['-v']).error;

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'own-tests-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const SPEC = (body: string) => `describe("s", function()\n${body}\nend)\n`;

describe('findSuites', () => {
  it('finds .busted folders and uncovered spec/ folders, skipping node_modules', () => {
    const root = tree({
      '.busted': 'return { default = { verbose = true } }',
      'spec/a_spec.lua': SPEC(''),
      'pkg/one/.busted': 'return { default = { ROOT = {"tests"} } }',
      'pkg/two/spec/unit/b_spec.lua': SPEC(''),
      'node_modules/x/spec/c_spec.lua': SPEC(''),
      'other/spec/helper.lua': '-- no spec file here',
    });
    expect(findSuites(root)).toEqual([
      { dir: '.', roots: ['.'], via: '.busted' },
      { dir: 'pkg/one', roots: [], via: '.busted' },
    ]);
    const noRoot = tree({ 'pkg/two/spec/unit/b_spec.lua': SPEC(''), 'spec/a_spec.lua': SPEC('') });
    expect(findSuites(noRoot).map((s) => [s.dir, s.via, s.roots.length])).toEqual([
      ['.', 'spec/', 0],
      ['pkg/two', 'spec/', 0],
    ]);
  });

  it('reads the counts line, ignoring what a .busted or a spec prints around it', () => {
    expect(parseCountsLine('Loading .busted configuration...\nMIGRATE-BUSTED-COUNTS {"passed":3,"failed":1,"errors":0,"pending":2}\n')).toEqual({
      passed: 3,
      failed: 1,
      errors: 0,
      pending: 2,
    });
    expect(parseCountsLine('no report\n{"successes":[]}')).toBeUndefined();
  });
});

describe('runOwnTests', () => {
  it('says "not run" with the install command when busted is missing, never a pass', () => {
    const run = runOwnTests(FIXTURE, { busted: 'busted-not-installed-here' });
    expect(run).toEqual({ status: 'not-run', reason: 'busted-not-installed-here not installed (apt-get install -y lua5.3 lua-busted)', suites: ['.'] });
    const report = compareOwnTests(undefined, run);
    expect(report.ok).toBeNull();
    expect(renderOwnTests(report)).toMatch(/^own tests: NOT RUN: busted-not-installed-here not installed \(apt-get install -y lua5\.3 lua-busted\)/);
  });

  it('reports no suite as none', () => {
    expect(runOwnTests(tree({ 'src/a.lua': 'return 1' }))).toEqual({ status: 'none' });
  });

  it.skipIf(!hasBusted)('counts passed, failed, errored (any error value) and pending specs, in a copy of the project', () => {
    const root = tree({
      'spec/x_spec.lua': SPEC(`
  it("passes", function() io.open("written-by-test.txt", "w"):close() end)
  it("fails", function() assert.are.equal(1, 2) end)
  it("errors", function() error({ code = 1 }) end)
  pending("later")`),
    });
    const run = runOwnTests(root);
    expect(run.status).toBe('ran');
    if (run.status !== 'ran') return;
    expect(run.totals).toEqual({ passed: 1, failed: 1, errors: 1, pending: 1 });
    expect(run.suites[0]!.command).toBe('busted --lua=lua5.3 --no-coverage');
    expect(run.suites[0]!.firstProblem).toMatch(/errors/);
    expect(existsSync(path.join(root, 'written-by-test.txt'))).toBe(false);
  });

  it.skipIf(!hasBusted)('counts a spec file that cannot load as an error (busted -o json prints nothing there)', () => {
    const run = runOwnTests(tree({ 'spec/y_spec.lua': 'require("no.such.module")\n' }));
    expect(run.status === 'ran' && run.totals).toEqual({ passed: 0, failed: 0, errors: 1, pending: 0 });
  });
});

describe('baseline and comparison', () => {
  const ran = (passed: number, errors = 0) => ({
    status: 'ran' as const,
    suites: [{ dir: '.', command: 'busted', status: 'ran' as const, counts: { passed, failed: 0, errors, pending: 0 } }],
    totals: { passed, failed: 0, errors, pending: 0 },
  });

  it('same counts pass, a changed count is a difference naming the suite, no stored run is not compared', () => {
    expect(compareOwnTests(ran(2), ran(2))).toMatchObject({ ok: true, status: 'same' });
    const changed = compareOwnTests(ran(2), ran(0, 1));
    expect(changed).toMatchObject({ ok: false, status: 'changed', changes: ['.: passed 2 -> 0, errors 0 -> 1'] });
    expect(renderOwnTests(changed)).toContain('own tests CHANGED: before 2 passed, 0 failed; now 0 passed, 0 failed, 1 errors');
    expect(compareOwnTests(undefined, ran(2))).toMatchObject({ ok: null, status: 'no-baseline' });
  });

  it('stores the run once and refuses a corrupt file with VERIFY-032', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'own-base-'));
    const project = tree({ 'src/a.lua': 'return 1' });
    expect(ensureOwnTestsBaseline(dir, project).created).toBe(true);
    expect(ensureOwnTestsBaseline(dir, project).created).toBe(false);
    expect(readOwnTestsBaseline(dir)).toEqual({ status: 'none' });
    writeFileSync(path.join(dir, 'own-tests.json'), '{"version":1,"run":{"status":"ran"}}');
    expect(() => readOwnTestsBaseline(dir)).toThrow(/VERIFY-032|invalid/);
  });
});

describe.skipIf(!hasBusted)('migrate verify', () => {
  it('runs the suite before (with the baseline) and after, and exits 1 when its counts change', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'own-verify-'));
    cpSync(FIXTURE, dir, { recursive: true });
    expect((await runCli(['init'], dir)).code).toBe(0);
    expect((await runCli(['verify', '--save-baseline'], dir)).code).toBe(0);
    const same = await runCli(['verify', '--json'], dir);
    expect(JSON.parse(same.out).ownTests).toMatchObject({ ok: true, status: 'same' });
    const file = path.join(dir, 'src/shared/greet.lua');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"hello, "', '"hi, "'));
    const changed = await runCli(['verify'], dir);
    expect(changed.code).toBe(1);
    expect(changed.out).toContain('own tests CHANGED: before 2 passed, 0 failed; now 0 passed, 2 failed');
  });
});
