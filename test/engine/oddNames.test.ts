// Issue 14 items 1 and 8: every process name `migrate init` can write (`dataIndex`, `_market`,
// `micro_ucm`, `ant_v2`) goes through `plan` and `apply --all` (the plan schema used to refuse
// such step ids with PLAN-003 "kebab-case"); and `rollback` exits 0 when every source file is
// back although `audit` wrote reports/ after apply (the toolkit's outputs are not differences).
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { copyLayout, removeLayoutCopies } from '../graph/helpers/layoutFixture.ts';
import { makeProject, treeState } from '../fixtures/engine/fixtureProject.ts';
import { runCli } from '../helpers/runCli.ts';
import { savePlan } from '../../src/plan/planFile.ts';

afterAll(removeLayoutCopies);

describe('process names with capitals and "_"', () => {
  it('plan, apply --all, audit, rollback --yes: exit 0 and every source byte back', async () => {
    const dir = copyLayout('odd-names');
    const at = ['--project', dir];
    const skip = ['.migrate', 'migration-plans', 'reports', 'traces/probes'];
    const before = treeState(dir, skip);
    const plan = await runCli(['plan', ...at], dir);
    expect(plan.err).toBe('');
    expect(plan.code).toBe(0);
    const ids = (JSON.parse(readFileSync(path.join(dir, 'migration-plans/epic.plan.json'), 'utf8')) as { steps: { id: string }[] }).steps.map((s) => s.id);
    for (const name of ['dataIndex', '_market', 'micro_ucm', 'ant_v2']) expect(ids).toContain(`36.2-federate-${name}`);
    const applied = await runCli(['apply', '--all', ...at], dir);
    expect(applied.err).toBe('');
    expect(applied.code).toBe(0);
    expect(treeState(dir, skip)).not.toEqual(before);
    expect((await runCli(['audit', ...at], dir)).code).toBe(0);
    const rb = await runCli(['rollback', '--yes', ...at], dir);
    expect(rb.out).toContain('byte-identical');
    expect(rb.code).toBe(0);
    expect(treeState(dir, skip)).toEqual(before);
  }, 60_000);

  it('a plan that fails validation before it is saved says nothing was written (no "fix the plan file")', async () => {
    const dir = copyLayout('odd-names');
    const file = path.join(dir, 'migration-plans/epic.plan.json');
    const bad = { version: 1, name: 'epic', createdAt: 'now', steps: [{ id: '-bad', story: '36.1', title: 't', transform: 'lua/move-to-runtime' }] };
    const err = await savePlan(dir, bad).then(
      () => undefined,
      (e: Error & { code?: string; hint?: string }) => e,
    );
    expect(err?.code).toBe('PLAN-003');
    expect(err?.message).toContain(`nothing written to ${file}`);
    expect(err?.hint).not.toContain('fix the plan file');
  });
});

describe("rollback and the toolkit's own outputs", () => {
  it('audit after apply do not make rollback report differences', async () => {
    const p = makeProject('rollback-outputs');
    const at = ['--project', p.root];
    expect((await runCli(['apply', '--all', ...at], p.root)).code).toBe(0);
    expect((await runCli(['audit', ...at], p.root)).code).toBe(0);
    const rb = await runCli(['rollback', '--yes', ...at], p.root);
    expect(rb.out).not.toContain('differ');
    expect(rb.code).toBe(0);
  }, 60_000);
});
