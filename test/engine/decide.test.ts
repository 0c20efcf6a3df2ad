import { describe, expect, it } from 'vitest';
import { decisionStep, fixturePlan, makeProject, TEST_REGISTRY } from '../fixtures/engine/fixtureProject.ts';
import { runCli } from '../helpers/runCli.ts';
import { loadPlan } from '../../src/plan/planFile.ts';

const decision = decisionStep;

describe('migrate decide', () => {
  it('lists the options, takes one decision, then every open one with --all', async () => {
    const p = makeProject('decide', fixturePlan([decision('d1'), decision('d2'), decision('d3')]));
    const list = await runCli(['decide', 'd1', '--project', p.root], p.root);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/Merge\?\n\s+yes\s+Yes\n\s+keep-apart\s+Keep apart/);

    expect((await runCli(['decide', 'd1', 'yes', '--project', p.root], p.root)).code).toBe(0);
    const all = await runCli(['decide', '--all', 'keep-apart', '--project', p.root], p.root);
    expect(all.code, all.err).toBe(0);
    expect(all.out).toContain('decided 2 step(s): keep-apart');
    const choices = Object.fromEntries(
      (await loadPlan(p.root, undefined, TEST_REGISTRY)).steps.filter((s) => s.decision).map((s) => [s.id, s.decision!.choice]),
    );
    expect(choices).toEqual({ d1: 'yes', d2: 'keep-apart', d3: 'keep-apart' });
  });

  it('refuses an unknown step, a step that is not a decision and an unknown option, changing nothing', async () => {
    const p = makeProject('decide-bad', fixturePlan([decision('d1')]));
    const before = JSON.stringify(await loadPlan(p.root, undefined, TEST_REGISTRY));
    const unknown = await runCli(['decide', 'nope', 'yes', '--project', p.root], p.root);
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringContaining("APPLY-001 unknown step 'nope'")]);
    const option = await runCli(['decide', 'd1', 'maybe', '--project', p.root], p.root);
    expect([option.code, option.err]).toEqual([2, expect.stringContaining("CLI-041 decision 'd1' has no option 'maybe'")]);
    const notDecision = (await loadPlan(p.root, undefined, TEST_REGISTRY)).steps.find((s) => s.transform !== 'decision')!;
    const wrong = await runCli(['decide', notDecision.id, 'yes', '--project', p.root], p.root);
    expect([wrong.code, wrong.err]).toEqual([2, expect.stringContaining('CLI-042')]);
    expect(JSON.stringify(await loadPlan(p.root, undefined, TEST_REGISTRY))).toBe(before);
  });
});
