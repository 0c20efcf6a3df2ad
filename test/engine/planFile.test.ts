// Plan files: YAML and JSON load the same, saving round-trips, the JSON Schema on disk is the
// one generated from the zod schema, and a decision's choice selects the params that run.
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixturePlan, makeProject, TEST_REGISTRY, TOOLKIT } from '../fixtures/engine/fixtureProject.ts';
import { loadPlan, savePlan } from '../../src/plan/planFile.ts';
import { planJsonSchema, type PlanStep } from '../../src/plan/planSchema.ts';
import { resolveStep } from '../../src/engine/stepChanges.ts';

describe('plan files', () => {
  it('loads YAML like JSON, keeps unknown planner fields, and saves through a file path or the root', async () => {
    const p = makeProject('yaml');
    const plan = { ...fixturePlan(), baseline: { p: 123 } };
    rmSync(path.join(p.root, 'migration-plans/epic.plan.json'));
    writeFileSync(path.join(p.root, 'migration-plans/epic.plan.yaml'), YAML.stringify(plan));
    const loaded = await loadPlan(p.root, 'epic', TEST_REGISTRY);
    expect(loaded.steps.map((s) => s.id)).toEqual(['s1-append', 's2-nofinal', 's3-restructure']);
    expect((loaded as Record<string, unknown>).baseline).toEqual({ p: 123 });
    const file = await savePlan(p.root, { ...loaded, name: 'copy' }, TEST_REGISTRY);
    expect(file).toBe(path.join(p.root, 'migration-plans/copy.plan.json'));
    expect(await loadPlan(p.root, 'copy', TEST_REGISTRY)).toEqual({ ...loaded, name: 'copy' });
    await expect(loadPlan(p.root, 'missing', TEST_REGISTRY)).rejects.toMatchObject({ code: 'PLAN-001', hint: expect.stringContaining('copy.plan.json') });
  });

  it('migration-plans/schema.json is generated from the zod schema (regenerate: see docs/engine.md)', () => {
    const onDisk = JSON.parse(readFileSync(path.join(TOOLKIT, 'migration-plans/schema.json'), 'utf8'));
    expect(onDisk).toEqual(planJsonSchema());
  });

  it("a decision runs the chosen option's params with decision.transform; an option without params skips", () => {
    const step = {
      id: 'd',
      story: '36.1',
      title: 'D',
      transform: 'decision',
      params: { base: 1 },
      dependsOn: [],
      reads: [],
      sizeImpact: [],
      decision: {
        question: 'q',
        transform: 'lua/merge-exact-copies',
        options: [
          { id: 'a', label: 'A', params: { canonical: 'x' } },
          { id: 'keep', label: 'Keep' },
        ],
      },
    } as unknown as PlanStep;
    expect(resolveStep(step)).toEqual({ kind: 'undecided' });
    expect(resolveStep({ ...step, decision: { ...step.decision!, choice: 'a' } })).toEqual({
      kind: 'run',
      transform: 'lua/merge-exact-copies',
      params: { base: 1, canonical: 'x' },
    });
    expect(resolveStep({ ...step, decision: { ...step.decision!, choice: 'keep' } })).toMatchObject({ kind: 'skip' });
  });
});
