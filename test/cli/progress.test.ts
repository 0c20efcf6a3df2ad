// The progress reporter: a bar with counts and ETA on a terminal, periodic plain lines in CI
// logs, a closing line, nothing under --quiet; and the long commands reporting through it.
import { describe, expect, it } from 'vitest';
import { createProgress, progressText } from '../../src/cli/progress.ts';
import { makeProject } from '../fixtures/engine/fixtureProject.ts';
import { runCli } from '../helpers/runCli.ts';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('createProgress', () => {
  it('redraws one bar line on a terminal, with counts, percent and ETA, then a summary line', () => {
    let out = '';
    const c = clock();
    const task = createProgress({ write: (t) => void (out += t), tty: true, now: c.now })('apply', 4);
    c.advance(1000);
    task.tick(1, 's1');
    expect(out).toContain('\rapply [######------------------] 1/4  25 %  ETA 3.0 s  s1\x1b[K');
    c.advance(1000);
    task.tick(1);
    task.done('2 applied');
    expect(out.endsWith('\r\x1b[Kapply: 2 applied (2.0 s)\n')).toBe(true);
  });

  it('prints plain lines only once a task runs longer than the interval (CI logs)', () => {
    let out = '';
    const c = clock();
    const progress = createProgress({ write: (t) => void (out += t), tty: false, now: c.now, intervalMs: 2000 });
    const quick = progress('status', 3);
    quick.tick(3);
    quick.done();
    expect(out).toBe('');
    const slow = progress('audit', 10);
    c.advance(2500);
    slow.tick(5, 'a.lua');
    c.advance(500);
    slow.tick(1);
    expect(out).toBe('audit: 5/10  50 %  ETA 2.5 s  a.lua\n');
    slow.done('10 files');
    expect(out.split('\n')).toContain('audit: 10 files (3.0 s)');
  });

  it('--quiet shows nothing, not even the summary', () => {
    let out = '';
    const task = createProgress({ write: (t) => void (out += t), tty: true, quiet: true })('plan', 2);
    task.tick(2);
    task.done('2 steps');
    expect(out).toBe('');
  });

  it('formats unknown totals as counts', () => {
    expect(progressText(7, 0, 1000)).toBe('7');
    expect(progressText(10, 10, 1000)).toBe('10/10  100 %');
  });
});

describe('long commands report progress on stderr', () => {
  it('apply --all and dry-run --all tick per step and close with a summary; --quiet silences them', async () => {
    const p = makeProject('progress');
    const at = ['--project', p.root];
    const dr = await runCli(['dry-run', '--all', ...at], p.root, { progress: true });
    expect(dr.err).toMatch(/^dry-run: 1\/3 .* s2-nofinal$/m);
    expect(dr.err).toMatch(/^dry-run: 3 step\(s\) computed \(\d+\.\d s\)$/m);
    const quiet = await runCli(['apply', '--all', '--quiet', ...at], p.root, { progress: true });
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe('');
    expect(quiet.out).toMatch(/3 step\(s\) applied, \d+ file change\(s\)/);
    const rb = await runCli(['rollback', '--yes', ...at], p.root, { progress: true });
    expect(rb.err).toMatch(/^rollback: 3 step\(s\) reverted, 0 file\(s\) differ from the baseline/m);
    const ap = await runCli(['apply', '--all', ...at], p.root, { progress: true });
    expect(ap.err).toMatch(/^apply: 3\/3 {2}100 % {2}s3-restructure$/m);
    expect(ap.err).toMatch(/^apply: 3 applied, 0 skipped, \d+ file change\(s\)/m);
  });
});
