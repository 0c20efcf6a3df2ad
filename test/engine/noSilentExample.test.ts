// Issue 14 item 9 / issue 17 hints: run outside a project, commands used to work on the embedded
// example (plan, apply and rollback included). Now they look for migrate.config.json upward from
// the current folder like git; without one they exit 2 and write nothing. `--example` asks for the
// example explicitly; a wrong --project (missing folder, a file) gets its own error and hint.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_DIR } from '../../src/config/loadProject.ts';
import { copyLayout, removeLayoutCopies } from '../graph/helpers/layoutFixture.ts';
import { runCli } from '../helpers/runCli.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'no-project-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  removeLayoutCopies();
});
const exampleStatus = (): string => execFileSync('git', ['status', '--porcelain', '--ignored', '--', '.'], { cwd: EXAMPLE_DIR, encoding: 'utf8' });

describe('no project here or above', () => {
  it.each([
    ['plan'],
    ['apply', '--all'],
    ['rollback', '--yes'],
    ['status'],
    ['audit'],
    ['bundle', '--mode', 'monolith'],
    ['size'],
    ['decide', '--all', 'keep-apart'],
  ])('%s: exit 2, CFG-001 "run migrate init", nothing written here or in the example', async (...argv) => {
    const example = exampleStatus();
    const r = await runCli(argv, scratch);
    expect(r.err).toContain("CFG-001 no migrate.config.json here or above: run 'migrate init'");
    expect(r.code).toBe(2);
    expect(readdirSync(scratch)).toEqual([]);
    expect(exampleStatus()).toBe(example);
  });

  it('a sub-folder of a project finds the project upward', async () => {
    const dir = copyLayout('odd-names');
    const r = await runCli(['status', '--json'], path.join(dir, 'src', 'dataIndex'));
    // Under --json the error is JSON on stdout.
    expect(r.out).toMatch(/PLAN-001/); // the project was found: it only has no plan yet
    expect(r.out).toContain(path.join(dir, 'migration-plans'));
  });

  it('--example works on the embedded example (read-only command)', async () => {
    const r = await runCli(['size', '--json', '--example'], scratch);
    expect(r.err).not.toMatch(/CFG-/);
    expect([0, 1]).toContain(r.code);
  }, 60_000);

  it('--project with a missing folder: CFG-015 "no such folder", not "no config"', async () => {
    const r = await runCli(['plan', '--project', 'nowhere'], scratch);
    expect(r.err).toMatch(/CFG-015 .*--project nowhere: no such folder/);
    expect(r.code).toBe(2);
  });

  it('--project with a file: CFG-016, and the hint names a --project that works', async () => {
    const dir = copyLayout('odd-names');
    const cfg = await runCli(['status', '--project', path.join(dir, 'migrate.config.json')], scratch);
    expect(cfg.err).toMatch(/CFG-016 .*is a file; --project takes the project folder/);
    const hinted = /use '--project (\S+)'/.exec(cfg.err)?.[1];
    expect(hinted).toBeDefined();
    const again = await runCli(['status', '--project', hinted!], scratch);
    expect(again.err).not.toMatch(/CFG-/);
    const lua = await runCli(['status', '--project', path.join(dir, 'src/_market/main.lua')], scratch);
    expect(lua.err).toMatch(/CFG-016 .*is a file/);
    expect(lua.err).not.toContain(`migrate init ${path.join(dir, 'src/_market/main.lua')}`); // never suggests init on a file
  });

  it('--project with a folder without config: CFG-001 and a migrate init that works on it', async () => {
    const dir = path.join(scratch, '..', `${path.basename(scratch)}-lua`);
    mkdirSync(path.join(dir, 'p'), { recursive: true });
    writeFileSync(path.join(dir, 'p/main.lua'), 'Handlers.add("x", function() end, function() end)\n');
    const r = await runCli(['plan', '--project', dir], scratch);
    expect(r.err).toMatch(/CFG-001 .*no migrate.config.json in/);
    const cmd = /run '(migrate init [^']+)'/.exec(r.err)?.[1];
    expect(cmd).toBeDefined();
    const init = await runCli(cmd!.split(' ').slice(1), scratch);
    expect(init.code).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});
