// The bad-input catalogue (docs/reliability.md): one test per row, each driving the real CLI
// (in-process `main(argv, io)`, or a child process where PATH must change) on a small project
// under test/tmp, asserting the error code / message fragment a user sees and the exit code.
// Rows whose owner code is not there yet fail with the reason (e.g. CLI-001 unknown command).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDir, runCli, runCliChild, treeHash, writeFixture, type CliResult, cleanupTmp } from './fixtureProject.ts';

function project(name: string, opts: Parameters<typeof writeFixture>[1] = { modules: 3, processes: 2 }) {
  const dir = freshDir(`bad-${name}`);
  return { dir, ...writeFixture(dir, opts) };
}

const put = (dir: string, rel: string, content: string | Buffer): void => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), content);
};

const all = (r: CliResult): string => `${r.out}\n${r.err}`;
const audit = (dir: string) => runCli(['audit', '--strict', '--project', dir, '--out', path.join(dir, 'audit-out')]);

describe('bad-input catalogue', () => {
  afterAll(cleanupTmp);

  it('syntax error: audit lists file:line and the parser message, --strict exits 1', async () => {
    const { dir } = project('syntax');
    put(dir, 'ao-processes/shared/util-1.lua', 'local M = {}\nfunction M.x(\n  return 1\nend\nreturn M\n');
    const r = await audit(dir);
    expect(all(r)).toContain('ao-processes/shared/util-1.lua:3');
    expect(r.code).toBe(1);
  });

  it('syntax error: bundle refuses with BUNDLE-001 and the location, exit 2', async () => {
    const { dir } = project('syntax-bundle');
    put(dir, 'ao-processes/shared/util-1.lua', 'local M = {}\nfunction M.x(\n  return 1\nend\nreturn M\n');
    const r = await runCli(['bundle', '--mode', 'monolith', '--project', dir]);
    expect(r.err).toMatch(/BUNDLE-001 .*util-1\.lua/);
    expect(r.err).toContain('ao-processes/shared/util-1.lua:3');
    expect(r.code).toBe(2);
  });

  it('unresolved require: audit names the module and the requiring file:line, --strict exits 1', async () => {
    const { dir } = project('unresolved');
    put(dir, 'ao-processes/proc0/main.lua', 'local x = require("no.such.module")\nreturn x\n');
    const r = await audit(dir);
    expect(all(r)).toContain('no.such.module');
    expect(all(r)).toContain('ao-processes/proc0/main.lua:1');
    expect(r.code).toBe(1);
  });

  it('unresolved require: bundle refuses with BUNDLE-002, exit 2', async () => {
    const { dir } = project('unresolved-bundle');
    put(dir, 'ao-processes/proc0/main.lua', 'local x = require("no.such.module")\nreturn x\n');
    const r = await runCli(['bundle', '--mode', 'monolith', '--project', dir]);
    expect(r.err).toMatch(/BUNDLE-002 /);
    expect(r.err).toContain('cannot resolve require("no.such.module")');
    expect(r.err).toContain('ao-processes/proc0/main.lua:1');
    expect(r.code).toBe(2);
  });

  it('dynamic require: audit reports it with file:line (it cannot be bundled statically), --strict exits 1', async () => {
    const { dir } = project('dynamic');
    put(dir, 'ao-processes/proc0/main.lua', 'local name = "shared." .. "util-0"\nlocal m = require(name)\nreturn m\n');
    const r = await audit(dir);
    expect(all(r)).toMatch(/dynamic/i);
    expect(all(r)).toContain('ao-processes/proc0/main.lua:2');
    expect(r.code).toBe(1);
  });

  it('require cycle: audit reports the full cycle path', async () => {
    const { dir } = project('cycle');
    put(dir, 'ao-processes/shared/util-0.lua', 'local b = require("shared.util-1")\nreturn {}\n');
    put(dir, 'ao-processes/shared/util-1.lua', 'local a = require("shared.util-0")\nreturn {}\n');
    const r = await audit(dir);
    expect(all(r)).toMatch(/cycle/i);
    expect(all(r)).toMatch(/shared\.util-0 -> shared\.util-1 -> shared\.util-0|shared\.util-1 -> shared\.util-0 -> shared\.util-1/);
    expect(r.code).toBe(1);
  });

  const latin1Bytes = Buffer.concat([Buffer.from('-- caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\nlocal M = {}\nM.s = "\xe9"\nreturn M\n', 'latin1')]);

  it('non-UTF-8 file: audit names it as not UTF-8', async () => {
    const { dir } = project('latin1-audit');
    put(dir, 'ao-processes/shared/util-2.lua', latin1Bytes);
    expect(all(await audit(dir))).toMatch(/util-2\.lua.*(UTF-8|utf8)|(UTF-8|utf8).*util-2\.lua/i);
  });

  it('non-UTF-8 file: apply + rollback keep its bytes exactly', async () => {
    const { dir, stepId } = project('latin1');
    const bytes = latin1Bytes;
    put(dir, 'ao-processes/shared/util-2.lua', bytes);
    const before = treeHash(dir);
    const a = await runCli(['apply', stepId, '--project', dir]);
    expect(a.code, all(a)).toBe(0);
    const moved = readFileSync(path.join(dir, 'ao-processes/runtime/shared/util-2.lua'));
    expect(moved.equals(bytes)).toBe(true);
    const rb = await runCli(['rollback', '--yes', '--project', dir]);
    expect(rb.code, all(rb)).toBe(0);
    expect(treeHash(dir)).toBe(before);
  });

  it('symlink loop: audit finishes (no hang, no crash) and reports the loop', async () => {
    const { dir } = project('symlink-loop');
    symlinkSync('.', path.join(dir, 'ao-processes/shared/loop'));
    const r = await audit(dir);
    expect(all(r)).toMatch(/symlink|loop/i);
    expect(all(r)).toContain('shared/loop');
    expect([0, 1]).toContain(r.code);
  });

  it('read-only file: apply refuses with APPLY-030 naming the file, exit 2, nothing written', async () => {
    const { dir, stepId } = project('readonly');
    chmodSync(path.join(dir, 'ao-processes/proc0/main.lua'), 0o444);
    const before = treeHash(dir);
    const r = await runCli(['apply', stepId, '--project', dir]);
    expect(r.err).toMatch(/APPLY-030 .*read-only/);
    expect(r.err).toContain('ao-processes/proc0/main.lua');
    expect(r.code).toBe(2);
    expect(treeHash(dir)).toBe(before);
  });

  it('drifted file: apply refuses with APPLY-020 naming the file, exit 2', async () => {
    const { dir, stepId } = project('drift');
    const planFile = path.join(dir, 'migration-plans/reliability.plan.json');
    const plan = JSON.parse(readFileSync(planFile, 'utf8'));
    const rel = 'ao-processes/shared/util-0.lua';
    const sha = execFileSync('sha256sum', [path.join(dir, rel)], { encoding: 'utf8' }).split(' ')[0];
    plan.steps[0].reads = [{ path: rel, sha256: sha }];
    writeFileSync(planFile, JSON.stringify(plan));
    put(dir, rel, 'return { edited = true }\n');
    const r = await runCli(['apply', stepId, '--project', dir]);
    expect(r.err).toMatch(/APPLY-020 .*changed since the plan/);
    expect(r.err).toContain(rel);
    expect(r.code).toBe(2);
  });

  it('corrupt plan: status refuses with PLAN-002, exit 2', async () => {
    const { dir } = project('corrupt-plan');
    put(dir, 'migration-plans/reliability.plan.json', '{ "version": 1, "steps": [ ');
    const r = await runCli(['status', '--project', dir]);
    expect(r.err).toMatch(/PLAN-002 /);
    expect(r.err).toContain('reliability.plan.json: plan file is not valid JSON');
    expect(r.code).toBe(2);
  });

  it('corrupt journal: apply refuses with JOURNAL-001 naming journal.jsonl:line, exit 2, nothing written', async () => {
    const { dir, stepId } = project('corrupt-journal');
    const entry = {
      stepId: 'earlier',
      transform: 'lua/x',
      story: '36.1',
      title: 'Earlier',
      paramsHash: 'h',
      state: 'applied',
      startedAt: '2026-01-01T00:00:00.000Z',
      changes: [],
    };
    const log = [
      JSON.stringify({ v: 1, op: 'entry', entry }),
      '{"v":1,"op":"sealed","stepId":"earl',
      JSON.stringify({ v: 1, op: 'begin-revert', stepId: 'earlier', at: entry.startedAt }),
      '',
    ].join('\n');
    put(dir, '.migrate/journal.jsonl', log);
    const before = treeHash(dir);
    const r = await runCli(['apply', stepId, '--project', dir]);
    expect(r.err).toMatch(/JOURNAL-001 .*journal\.jsonl:2: the journal is corrupt \(not JSON/);
    expect(r.code).toBe(2);
    expect(treeHash(dir)).toBe(before);
    expect(readFileSync(path.join(dir, '.migrate/journal.jsonl'), 'utf8')).toBe(log);
  });

  it('wrong config field: CFG-003 names the field and what was expected, exit 2', async () => {
    const { dir } = project('config');
    put(dir, 'migrate.config.json', JSON.stringify({ sourceRoot: 'ao-processes', processes: 'proc0' }));
    const r = await runCli(['status', '--project', dir]);
    expect(r.err).toMatch(/CFG-003/);
    expect(r.err).toMatch(/processes: .*expected array/i);
    expect(r.code).toBe(2);
  });

  it('unknown config keys at any depth: one CFG-003 line each, with "did you mean", exit 2, nothing written', async () => {
    const { dir } = project('config-unknown-keys');
    const cfg = JSON.parse(readFileSync(path.join(dir, 'migrate.config.json'), 'utf8'));
    cfg.budget = { shellBytes: 1 };
    cfg.runtime = { dir: 'ao-processes/runtime', namespace: 'runtime', shareThreshold: 2, version: '1.0.0', shareTreshold: 3 };
    cfg.processes[0].trace = ['t.jsonl'];
    cfg.colour = true;
    put(dir, 'migrate.config.json', JSON.stringify(cfg));
    const r = await runCli(['plan', '--project', dir]);
    expect(r.err).toMatch(/CFG-003 .*4 problem/);
    expect(r.err).toContain('- budget: unknown key; did you mean "budgets"?');
    expect(r.err).toContain('- runtime.shareTreshold: unknown key; did you mean "shareThreshold"?');
    expect(r.err).toContain('- processes.0.trace: unknown key; did you mean "traces"?');
    expect(r.err).toMatch(/- colour: unknown key \(known here: .*sourceRoot/);
    expect(r.code).toBe(2);
    expect(() => readFileSync(path.join(dir, 'migration-plans/epic.plan.json'))).toThrow();
  });

  it('duplicate process names (also by case): CFG-003 names both, exit 2', async () => {
    const { dir } = project('config-duplicate-names');
    const cfg = JSON.parse(readFileSync(path.join(dir, 'migrate.config.json'), 'utf8'));
    cfg.processes[1].name = cfg.processes[0].name.toUpperCase();
    cfg.processes[1].entrypoint = 'x.lua'; // another problem in the same run: both are reported
    put(dir, 'migrate.config.json', JSON.stringify(cfg));
    const r = await runCli(['status', '--project', dir]);
    expect(r.err).toMatch(/CFG-003/);
    expect(r.err).toContain(`- processes.1.name: duplicate process name '${cfg.processes[1].name}' (processes.0.name is '${cfg.processes[0].name}')`);
    expect(r.err).toContain('- processes.1.entrypoint: unknown key; did you mean "entry"?');
    expect(r.code).toBe(2);
  });

  it('externals and a per-process sourceRoot are accepted fields', async () => {
    const { dir } = project('config-new-fields');
    const cfg = JSON.parse(readFileSync(path.join(dir, 'migrate.config.json'), 'utf8'));
    cfg.externals = ['lsqlite3'];
    cfg.processes[0].sourceRoot = cfg.sourceRoot;
    put(dir, 'migrate.config.json', JSON.stringify(cfg));
    const r = await runCli(['status', '--project', dir]);
    expect(r.err).not.toMatch(/CFG-/);
  });

  it('path outside the project (config): CFG-003 "must stay inside the project", exit 2', async () => {
    const { dir } = project('outside-config');
    put(dir, 'migrate.config.json', JSON.stringify({ sourceRoot: 'ao-processes', processes: [{ name: 'evil', entry: '../../outside/main.lua' }] }));
    const r = await runCli(['bundle', '--mode', 'monolith', '--project', dir]);
    expect(r.err).toMatch(/CFG-00[34]/);
    expect(r.err).toMatch(/inside the project/);
    expect(r.code).toBe(2);
  });

  it('missing git: apply --commit with no git on PATH gives APPLY-060, exit 2', async () => {
    const { dir, stepId } = project('no-git');
    const bin = freshDir('bin-without-git');
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const r = await runCliChild(['apply', stepId, '--commit', '--project', dir], { ...process.env, PATH: bin });
    expect(r.err).toMatch(/APPLY-060 --commit needs git/);
    expect(r.code).toBe(2);
  }, 30_000);

  it('dirty tree: apply --commit without --allow-dirty gives APPLY-062 listing the file, exit 2', async () => {
    const { dir, stepId } = project('dirty');
    const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'init');
    put(dir, 'ao-processes/proc1/main.lua', '-- edited, not committed\n');
    const r = await runCli(['apply', stepId, '--commit', '--project', dir]);
    expect(r.err).toMatch(/APPLY-062 --commit: the work tree has uncommitted changes/);
    expect(r.err).toContain('ao-processes/proc1/main.lua');
    expect(r.err).toContain('--allow-dirty');
    expect(r.code).toBe(2);
  });
});
