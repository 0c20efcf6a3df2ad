// The engine's commands end to end (in-process): output shapes, JSON and exit codes.
import { describe, expect, it } from 'vitest';
import { makeProject, treeState } from '../fixtures/engine/fixtureProject.ts';
import { runCli } from '../helpers/runCli.ts';

describe('engine commands', () => {
  it('status / dry-run / apply / revert / rollback / recover with their exit codes', async () => {
    const p = makeProject('cli');
    const before = treeState(p.root);
    const at = ['--project', p.root];
    const st = await runCli(['status', '--json', ...at], p.root);
    expect(st.code).toBe(0);
    expect(JSON.parse(st.out).steps.map((s: { id: string; story: string; state: string }) => `${s.story} ${s.id} ${s.state}`)).toEqual([
      '36.1 s1-append pending',
      '36.2 s2-nofinal pending',
      '36.3 s3-restructure pending',
    ]);

    const dr = await runCli(['dry-run', 's1-append', ...at], p.root);
    expect(dr.code).toBe(1);
    expect(dr.out).toContain('+-- appended');
    expect(dr.out).toContain('p                    100 ->        90');
    expect(dr.out).not.toContain('\x1b[');
    expect((await runCli(['dry-run', ...at], p.root)).code).toBe(2);

    const ap = await runCli(['apply', 's1-append', ...at], p.root);
    expect(ap).toMatchObject({ code: 0 });
    expect(ap.out).toContain('applied s1-append: 1 file change(s)');
    expect((await runCli(['dry-run', 's1-append', ...at], p.root)).code).toBe(0);
    const again = await runCli(['apply', 's1-append', ...at], p.root);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/^APPLY-002 step 's1-append' is already applied\n {2}hint: revert it first/);

    expect((await runCli(['apply', '--all', ...at], p.root)).code).toBe(0);
    const human = await runCli(['status', ...at], p.root);
    expect(human.out).toMatch(/plan epic: 3 applied/);

    const rv = await runCli(['revert', '--to', 's1-append', '--json', ...at], p.root);
    expect(JSON.parse(rv.out)).toEqual({ reverted: ['s3-restructure', 's2-nofinal'] });

    const noYes = await runCli(['rollback', ...at], p.root);
    expect(noYes.code).toBe(2);
    expect(noYes.err).toContain('migrate rollback --yes');
    const rb = await runCli(['rollback', '--yes', ...at], p.root);
    expect(rb.code).toBe(0);
    expect(rb.out).toContain('byte-identical');
    expect(treeState(p.root)).toEqual(before);
    expect((await runCli(['recover', ...at], p.root)).out).toContain('nothing to recover');
  });

  it('next-step without a terminal exits 2 naming the non-interactive command; unknown steps exit 2', async () => {
    const p = makeProject('notty');
    const r = await runCli(['next-step', '--project', p.root], p.root);
    expect(r.code).toBe(2);
    expect(r.err).toContain('migrate apply s1-append');
    const u = await runCli(['revert', 'nope', '--project', p.root], p.root);
    expect(u.code).toBe(2);
    expect(u.err).toContain("APPLY-001 unknown step 'nope'");
  });
});
