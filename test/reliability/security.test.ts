// Security checks: nothing in a config or plan can make the toolkit read or write outside the
// project; module names never reach a shell (static check of every child_process call plus a
// run with a hostile module name); the federation registry's sender and hash checks are
// covered by test/bundle/registry.test.ts (FED-009 other sender, FED-005 hash mismatch) — this
// file asserts those tests exist rather than duplicating them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TOOLKIT_ROOT } from '../../src/config/loadProject.ts';
import { freshDir, runCli, treeHash, writeFixture, cleanupTmp } from './fixtureProject.ts';

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(abs);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const setPlanStep = (dir: string, step: Record<string, unknown>): void => {
  const file = path.join(dir, 'migration-plans/reliability.plan.json');
  const plan = JSON.parse(readFileSync(file, 'utf8'));
  plan.steps = [{ story: '36.1', title: 'hostile step', dependsOn: [], reads: [], sizeImpact: [], ...step }];
  writeFileSync(file, JSON.stringify(plan, null, 2));
};

describe('security', () => {
  afterAll(cleanupTmp);

  it('a plan step reading a path outside the project is refused (reads: ../outside.lua), nothing outside touched', async () => {
    const base = freshDir('sec-outside-reads');
    const dir = path.join(base, 'project');
    mkdirSync(dir);
    writeFixture(dir, { modules: 2, processes: 1 });
    writeFileSync(path.join(base, 'outside.lua'), 'return "secret"\n');
    const sha = execFileSync('sha256sum', [path.join(base, 'outside.lua')], { encoding: 'utf8' }).split(' ')[0]!;
    setPlanStep(dir, {
      id: 'hostile',
      transform: 'lua/move-to-runtime',
      params: { modules: ['shared.util-0'] },
      reads: [{ path: '../outside.lua', sha256: sha }],
    });
    const r = await runCli(['apply', 'hostile', '--project', dir]);
    expect(r.err).toMatch(/PLAN-\d+|APPLY-\d+/);
    expect(r.err).toMatch(/outside the project|\.\.\/outside\.lua/);
    expect(r.code).toBe(2);
    expect(readFileSync(path.join(base, 'outside.lua'), 'utf8')).toBe('return "secret"\n');
  });

  it('a plan step whose params name a file outside the project is refused and writes nothing outside', async () => {
    const base = freshDir('sec-outside-params');
    const dir = path.join(base, 'project');
    mkdirSync(dir);
    writeFixture(dir, { modules: 2, processes: 1 });
    const block = 'local fallback\nfallback = fallback or { encode = tostring }\nreturn fallback.encode(1)\n';
    writeFileSync(path.join(base, 'victim.lua'), block);
    writeFileSync(path.join(dir, 'ao-processes/proc0/main.lua'), block);
    setPlanStep(dir, {
      id: 'hostile',
      transform: 'lua/extract-inline-duplicate',
      params: {
        module: 'inline.fallback',
        blocks: [
          { file: 'ao-processes/proc0/main.lua', startLine: 2, endLine: 2 },
          { file: '../victim.lua', startLine: 2, endLine: 2 },
        ],
      },
    });
    // The project as planned (plan file included): the refused step must leave it as it is.
    const before = treeHash(dir);
    const r = await runCli(['apply', 'hostile', '--project', dir]);
    expect(r.code, `${r.out}${r.err}`).toBe(2);
    expect(r.err).toMatch(/outside the project/);
    expect(readFileSync(path.join(base, 'victim.lua'), 'utf8')).toBe(block);
    expect(treeHash(dir)).toBe(before);
  });

  it('every child_process call in the toolkit passes an argument array (no shell, no interpolated command line)', () => {
    const offenders: string[] = [];
    for (const file of [...sourceFiles(path.join(TOOLKIT_ROOT, 'src')), ...sourceFiles(path.join(TOOLKIT_ROOT, 'transforms'))]) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('child_process')) continue;
      text.split('\n').forEach((line, i) => {
        const rel = `${path.relative(TOOLKIT_ROOT, file)}:${i + 1}`;
        if (/(^|[^.\w])(exec|execSync)\s*\(/.test(line)) offenders.push(`${rel}: exec/execSync runs a shell: ${line.trim()}`);
        if (/shell\s*:\s*true/.test(line)) offenders.push(`${rel}: shell: true: ${line.trim()}`);
        if (/\b(spawn|spawnSync|execFile|execFileSync)\s*\(\s*`/.test(line)) offenders.push(`${rel}: command built from a template string: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('a module named `a;touch PWNED` is bundled, moved and committed without anything running it', async () => {
    const dir = freshDir('sec-hostile-name');
    const { processes } = writeFixture(dir, { modules: 1, processes: 1 });
    const evil = 'a;touch PWNED';
    writeFileSync(path.join(dir, `ao-processes/${evil}.lua`), 'return { ok = true }\n');
    writeFileSync(path.join(dir, `ao-processes/${processes[0]}/main.lua`), `local m = require("${evil}")\nreturn m\n`);
    setPlanStep(dir, { id: 'move-evil', transform: 'lua/move-to-runtime', params: { modules: [evil] } });
    const git = (...a: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...a], { cwd: dir, stdio: 'pipe' });
    writeFileSync(path.join(dir, '.gitignore'), 'build/\n');
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'init');
    const b = await runCli(['bundle', '--mode', 'monolith', '--project', dir]);
    expect(b.code, b.err).toBe(0);
    const a = await runCli(['apply', 'move-evil', '--commit', '--project', dir]);
    expect(a.code, a.err).toBe(0);
    expect(existsSync(path.join(dir, `ao-processes/runtime/${evil}.lua`))).toBe(true);
    const found = execFileSync('find', [dir, '-name', 'PWNED'], { encoding: 'utf8' }).trim();
    expect(found).toBe('');
    expect(existsSync(path.join(TOOLKIT_ROOT, 'PWNED'))).toBe(false);
    // The commit carries the hostile path as a path, not as a command.
    expect(execFileSync('git', ['show', '--stat', '--format=%s', 'HEAD'], { cwd: dir, encoding: 'utf8' })).toContain('touch PWNED');
  });

  it('registry sender and hash checks are tested on aos by the bundler tests (FED-009, FED-005)', () => {
    const text = readFileSync(path.join(TOOLKIT_ROOT, 'test/bundle/registry.test.ts'), 'utf8');
    expect(text).toMatch(/refuses module code from any other sender/);
    expect(text).toMatch(/hash does not match/);
  });
});
