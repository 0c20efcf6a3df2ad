// git integration: a dry-run patch that `git apply` accepts (creates, deletes, renames, mode
// changes, a binary Latin-1 file, CRLF, no final newline) and --commit (one commit per step).
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeProject, treeState } from '../fixtures/engine/fixtureProject.ts';
import { runCli } from '../helpers/runCli.ts';

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' });

function gitProject(label: string) {
  const p = makeProject(label);
  git(p.root, 'init', '-q');
  writeFileSync(path.join(p.root, '.gitignore'), '.migrate/\n');
  git(p.root, 'add', '-A');
  git(p.root, 'commit', '-qm', 'init');
  return p;
}

beforeAll(() => {
  Object.assign(process.env, { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' });
});

describe('git', () => {
  it('the dry-run patch applies with git apply and gives what apply writes', async () => {
    const viaPatch = gitProject('patch');
    const patchFile = path.join(viaPatch.root, '..', `${path.basename(viaPatch.root)}.patch`);
    const dr = await runCli(['dry-run', '--all', '--patch', patchFile, '--project', viaPatch.root], viaPatch.root);
    expect(dr.code).toBe(1);
    const check = spawnSync('git', ['apply', '--check', patchFile], { cwd: viaPatch.root, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    git(viaPatch.root, 'apply', patchFile);
    const viaEngine = makeProject('patch-engine');
    expect((await runCli(['apply', '--all', '--project', viaEngine.root], viaEngine.root)).code).toBe(0);
    // The engine also leaves its own outputs (the probe traces recorded on the baseline); a patch has none.
    const strip = (s: Record<string, string>) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== '.gitignore' && !k.startsWith('traces/probes/')));
    expect(strip(treeState(viaPatch.root))).toEqual(strip(treeState(viaEngine.root)));
  });

  it('--commit makes one commit per step with the Migrate-Step trailer; a dirty tree is refused unless allowed', async () => {
    const p = gitProject('commit');
    writeFileSync(path.join(p.root, 'dirty.txt'), 'uncommitted');
    const refused = await runCli(['apply', 's1-append', '--commit', '--project', p.root], p.root);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('APPLY-062');
    expect(refused.err).toContain('dirty.txt');
    const ok = await runCli(['apply', '--all', '--commit', '--allow-dirty', '--project', p.root], p.root);
    expect(ok.code).toBe(0);
    const log = git(p.root, 'log', '--format=%s|%(trailers:key=Migrate-Step,valueonly)', '-n', '3').trim().split('\n').filter(Boolean);
    expect(log).toEqual([
      'migrate(36.3): Restructure|s3-restructure',
      'migrate(36.2): Append to the file without final newline|s2-nofinal',
      'migrate(36.1): Append to the CRLF file|s1-append',
    ]);
    // Only the user's file is left uncommitted, besides the toolkit's own outputs (probe traces).
    expect(git(p.root, 'status', '--porcelain', '--', '.', ':(exclude)traces/probes')).toBe('?? dirty.txt\n');
  });

  it('--commit outside a git repository, or in one that ignores the project, is a clear error and changes nothing', async () => {
    for (const [p, why] of [
      [makeProject('nogit', undefined, tmpdir()), 'not inside a git repository'],
      [makeProject('ignored'), 'is ignored by the git repository'],
    ] as const) {
      const before = treeState(p.root);
      const r = await runCli(['apply', 's1-append', '--commit', '--project', p.root], '/');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`APPLY-061 .*${why}`));
      expect(treeState(p.root)).toEqual(before);
    }
  });
});
