// git hygiene with real git: --commit refuses a detached HEAD; steps whose changes a
// `git reset --hard` took away show as 'absent' in status, revert/rollback refuse them with a
// hint naming `recover --sync`, and after the sync the steps are pending and apply again.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeProject, treeState } from '../fixtures/engine/fixtureProject.ts';
import { runCli } from '../helpers/runCli.ts';

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' });

function gitProject(label: string) {
  const p = makeProject(label);
  git(p.root, 'init', '-q', '-b', 'main');
  writeFileSync(path.join(p.root, '.gitignore'), '.migrate/\n');
  git(p.root, 'add', '-A');
  git(p.root, 'commit', '-qm', 'init');
  return p;
}

const states = async (root: string) => {
  const r = await runCli(['status', '--json', '--project', root], root);
  return { code: r.code, states: Object.fromEntries((JSON.parse(r.out) as { steps: { id: string; state: string }[] }).steps.map((s) => [s.id, s.state])) };
};

beforeAll(() => {
  Object.assign(process.env, { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' });
});

describe('git hygiene', () => {
  it('--commit on a detached HEAD is APPLY-064 with a branch hint, and nothing is written', async () => {
    const p = gitProject('detached');
    git(p.root, 'checkout', '-q', '--detach');
    const before = treeState(p.root);
    const r = await runCli(['apply', 's1-append', '--commit', '--project', p.root], p.root);
    expect(r.code).toBe(2);
    expect(r.err).toContain('APPLY-064');
    expect(r.err).toContain('HEAD is detached');
    expect(r.err).toContain('git switch -c');
    expect(treeState(p.root)).toEqual(before);
    // the hint works: on a branch the same command commits
    git(p.root, 'switch', '-q', '-c', 'migrate');
    expect((await runCli(['apply', 's1-append', '--commit', '--project', p.root], p.root)).code).toBe(0);
    expect(git(p.root, 'log', '-1', '--format=%s')).toContain('migrate(36.1)');
  });

  it('after git reset --hard the steps are absent; recover --sync makes rollback and apply work again', async () => {
    const p = gitProject('reset');
    const initial = treeState(p.root);
    expect((await runCli(['apply', '--all', '--commit', '--project', p.root], p.root)).code).toBe(0);
    expect((await states(p.root)).states).toEqual({ 's1-append': 'applied', 's2-nofinal': 'applied', 's3-restructure': 'applied' });
    git(p.root, 'reset', '-q', '--hard', 'HEAD~2'); // s2 and s3 are gone from the tree, s1 stays
    const st = await states(p.root);
    expect(st.code).toBe(1);
    expect(st.states).toEqual({ 's1-append': 'applied', 's2-nofinal': 'absent', 's3-restructure': 'absent' });
    const text = await runCli(['status', '--project', p.root], p.root);
    expect(text.out).toMatch(/absent\s+36\.2\s+s2-nofinal/);
    expect(text.out).toContain('migrate recover --sync');
    const refused = await runCli(['rollback', '--yes', '--project', p.root], p.root);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('APPLY-053');
    expect(refused.err).toContain('migrate recover --sync');
    const again = await runCli(['apply', 's2-nofinal', '--project', p.root], p.root);
    expect(again.err).toContain('APPLY-002');
    expect(again.err).toContain('migrate recover --sync');
    const sync = await runCli(['recover', '--sync', '--project', p.root], p.root);
    expect(sync.err).toBe('');
    expect(sync.code).toBe(0);
    expect(sync.out).toContain('forgot 2 step(s)');
    expect((await states(p.root)).states).toEqual({ 's1-append': 'applied', 's2-nofinal': 'pending', 's3-restructure': 'pending' });
    // apply works again, and so does rollback, back to the exact initial files
    expect((await runCli(['apply', 's2-nofinal', '--project', p.root], p.root)).code).toBe(0);
    const rb = await runCli(['rollback', '--yes', '--project', p.root], p.root);
    expect(rb.code).toBe(0);
    expect(treeState(p.root)).toEqual(initial);
  });

  it('a checkout of the file takes the step back (absent); a hand edit does not; a sync with nothing absent says so', async () => {
    const p = gitProject('checkout');
    expect((await runCli(['apply', 's1-append', '--project', p.root], p.root)).code).toBe(0);
    expect((await runCli(['recover', '--sync', '--project', p.root], p.root)).out).toContain('the journal matches the work tree');
    // a file edited into a third state is not 'absent': revert names it (APPLY-051)
    writeFileSync(path.join(p.root, 'src/lib/util.lua'), 'edited by hand\n');
    expect((await states(p.root)).states['s1-append']).toBe('applied');
    expect((await runCli(['revert', 's1-append', '--project', p.root], p.root)).err).toContain('APPLY-051');
    git(p.root, 'checkout', '--', 'src/lib/util.lua');
    expect((await states(p.root)).states['s1-append']).toBe('absent');
    const revert = await runCli(['revert', 's1-append', '--project', p.root], p.root);
    expect(revert.code).toBe(2);
    expect(revert.err).toContain('APPLY-053');
  });
});
