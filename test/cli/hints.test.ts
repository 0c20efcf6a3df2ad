// Every hint names a command that works: each test provokes the error, takes the command from
// its hint, runs it, and checks that it succeeds (issue 17, item 10).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decisionStep, fixturePlan, makeProject } from '../fixtures/engine/fixtureProject.ts';
import { runCli } from '../helpers/runCli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The quoted `migrate ...` commands of a hint, as argv arrays. */
function hinted(err: string): string[][] {
  const hint = err.split('\n').find((l) => l.trim().startsWith('hint:')) ?? '';
  return [...hint.matchAll(/'migrate ([^']+)'/g)].map((m) => m[1]!.split(' '));
}

function luaApp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hints-'));
  mkdirSync(path.join(dir, 'lua', 'p'), { recursive: true });
  writeFileSync(
    path.join(dir, 'lua', 'p', 'main.lua'),
    'Handlers.add("Ping", Handlers.utils.hasMatchingTag("Action", "Ping"), function(msg) msg.reply({ Data = "pong" }) end)\n',
  );
  return dir;
}

describe('hints point at commands that work', () => {
  it('--project <a Lua file>: init the folder, then --project <folder> works', async () => {
    const dir = luaApp();
    const file = path.join(dir, 'lua', 'p', 'main.lua');
    const r = await runCli(['status', '--project', file], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^CFG-016 .*main\.lua is a file; --project takes the project folder/);
    const [init] = hinted(r.err);
    expect(init).toEqual(['init', path.dirname(file)]);
    expect((await runCli(init!, dir)).code).toBe(0);
    expect(r.err).toContain(`--project ${path.dirname(file)}`);
    expect((await runCli(['size', '--project', path.dirname(file)], dir)).code).toBe(0);
  });

  it('--project <migrate.config.json>: the hint gives the folder', async () => {
    const dir = luaApp();
    expect((await runCli(['init', dir], dir)).code).toBe(0);
    const r = await runCli(['size', '--project', path.join(dir, 'migrate.config.json')], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`hint: use '--project ${dir}'`);
    expect((await runCli(['size', '--project', dir], dir)).code).toBe(0);
  });

  it('a missing --project folder is reported as missing, not as "no config"', async () => {
    const dir = luaApp();
    const r = await runCli(['status', '--project', path.join(dir, 'nope')], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^CFG-015 .*nope does not exist/);
    const [init] = hinted(r.err);
    expect(init).toEqual(['init', dir]);
    expect((await runCli(init!, dir)).code).toBe(0);
  });

  it("PLAN-010 (apply reaches an undecided decision) names 'migrate decide --all keep-apart', which unblocks it", async () => {
    const decision = decisionStep('d1');
    const p = makeProject('hint-plan010', fixturePlan([decision]));
    const at = ['--project', p.root];
    const r = await runCli(['apply', '--all', ...at], p.root);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^PLAN-010 step 'd1' is a decision nobody has taken yet/);
    const commands = hinted(r.err);
    expect(commands).toContainEqual(['decide', '--all', 'keep-apart']);
    expect(commands).toContainEqual(['decide', 'd1', '<option>']);
    expect(commands).toContainEqual(['next-step']);
    expect((await runCli(['decide', 'd1', ...at], p.root)).code).toBe(0); // lists the options the hint refers to
    expect((await runCli(['decide', '--all', 'keep-apart', ...at], p.root)).code).toBe(0);
    const again = await runCli(['apply', '--all', ...at], p.root);
    expect(again.code, again.err).toBe(0);
  });

  it('npm run bench -- --help prints the usage instead of crashing', () => {
    const r = spawnSync('npm', ['run', '--silent', 'bench', '--', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run bench/);
    const bad = spawnSync('npm', ['run', '--silent', 'bench', '--', '--bogus'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option '--bogus'[\s\S]*Usage: npm run bench/);
  });
});
