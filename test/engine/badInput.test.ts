// Bad input: each case has a stable code, a clear message, and leaves every file as it was.
import { chmodSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionStep, fixturePlan, makeProject, treeState, writePlan } from '../fixtures/engine/fixtureProject.ts';
import { applyStep, dryRun, planStatus, revertStep } from '../../src/engine/engine.ts';
import { journalPath, readJournal } from '../../src/engine/journal.ts';
import { sha256 } from '../../src/hash.ts';
import { loadPlan } from '../../src/plan/planFile.ts';

const opts = {};
type Plan = { steps: Record<string, unknown>[] } & Record<string, unknown>;

describe('bad input', () => {
  it('refuses an unknown step id, naming close ids', async () => {
    const p = makeProject('unknown');
    await expect(applyStep(p, 's1', opts)).rejects.toMatchObject({ code: 'APPLY-001', hint: expect.stringContaining('s1-append') });
  });

  it('validates the plan with one message per problem (order, duplicates, unknown ids and transforms)', async () => {
    const p = makeProject('invalid-plan');
    const plan = fixturePlan() as Plan;
    plan.steps.reverse(); // s2 now comes before s1, which it depends on
    plan.steps.push({ ...plan.steps[0]!, dependsOn: ['nope'] });
    plan.steps.push({ ...plan.steps[1]!, id: 'bad-transform', transform: 'lua/does-not-exist', dependsOn: [] });
    writePlan(p.root, plan);
    const err = await loadPlan(p.root).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PLAN-003' });
    const msg = (err as Error).message;
    expect(msg).toContain("'s1-append' must come before 's2-nofinal'");
    expect(msg).toContain("duplicate step id 's3-restructure'");
    expect(msg).toContain("unknown step 'nope'");
    expect(msg).toContain("unknown transform 'lua/does-not-exist'");
    writePlan(p.root, { ...fixturePlan(), version: 2, steps: [{ id: 'Bad Id' }] });
    await expect(loadPlan(p.root)).rejects.toThrow(/version[\s\S]*steps\.0\.id[\s\S]*steps\.0\.story/);
  });

  it('refuses invalid params naming the step, transform and field', async () => {
    const p = makeProject('params');
    const plan = fixturePlan() as Plan;
    plan.steps[0]!.params = { file: 3 };
    writePlan(p.root, plan);
    await expect(applyStep(p, 's1-append', opts)).rejects.toThrow(/step 's1-append' \(test\/append-line\)[\s\S]*params\.file[\s\S]*params\.line/);
  });

  it('refuses to apply an undecided decision and a step whose dependency is not applied', async () => {
    const p = makeProject('decision', fixturePlan([decisionStep('d1')]));
    await expect(applyStep(p, 'd1', opts)).rejects.toMatchObject({ code: 'PLAN-010' });
    await expect(applyStep(p, 's2-nofinal', opts)).rejects.toMatchObject({ code: 'APPLY-003' });
  });

  it('refuses on drift from the plan, naming the files; status shows drifted', async () => {
    const p = makeProject('drift');
    const plan = fixturePlan() as Plan;
    plan.steps[0]!.reads = [{ path: 'src/lib/util.lua', sha256: sha256('something else') }];
    writePlan(p.root, plan);
    const before = treeState(p.root);
    await expect(applyStep(p, 's1-append', opts)).rejects.toMatchObject({ code: 'APPLY-020', message: expect.stringContaining('src/lib/util.lua') });
    expect(treeState(p.root)).toEqual(before);
    const st = await planStatus(p);
    expect(st.steps[0]).toMatchObject({ state: 'drifted', drifted: ['src/lib/util.lua'] });
  });

  it('applies exactly what a saved dry run showed, or refuses when the disk changed since', async () => {
    const p = makeProject('saved');
    await dryRun(p, ['s1-append'], { save: true });
    writeFileSync(path.join(p.root, 'src/lib/util.lua'), 'local M = {}\nreturn M\n');
    await expect(applyStep(p, 's1-append', opts)).rejects.toMatchObject({ code: 'APPLY-021', message: expect.stringContaining('src/lib/util.lua') });
    await dryRun(p, ['s1-append'], { save: true });
    await expect(applyStep(p, 's1-append', opts)).resolves.toMatchObject({ changes: 1 });
  });

  it('refuses a read-only file before writing anything', async () => {
    const p = makeProject('readonly');
    chmodSync(path.join(p.root, 'src/lib/util.lua'), 0o444);
    const before = treeState(p.root);
    await expect(applyStep(p, 's1-append', opts)).rejects.toMatchObject({ code: 'APPLY-030', message: expect.stringContaining('src/lib/util.lua') });
    expect(treeState(p.root)).toEqual(before);
  });

  it('a full disk mid-apply restores the files already written and leaves no journal entry or temp file', async () => {
    const p = makeProject('diskfull');
    const before = treeState(p.root);
    let writes = 0;
    const writeFile = (file: string, data: Buffer): void => {
      if (++writes === 3) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      writeFileSync(file, data, { flag: 'wx' });
    };
    const err = await applyStep(p, 's3-restructure', { ...opts, writeFile }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'APPLY-040', message: expect.stringContaining('ENOSPC') });
    expect(writes).toBe(3);
    expect(treeState(p.root)).toEqual(before);
    expect(readJournal(p.root).entries).toEqual([]);
    const temps = (dir: string): string[] =>
      readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.includes('migrate-tmp'));
    expect(temps(p.root)).toEqual([]);
  });

  it('a corrupt journal and a missing pre-image are clear errors', async () => {
    const p = makeProject('journal');
    await applyStep(p, 's1-append', opts);
    rmSync(path.join(p.root, '.migrate/blobs'), { recursive: true });
    await expect(revertStep(p, 's1-append')).rejects.toMatchObject({ code: 'JOURNAL-002' });
    const log = readFileSync(journalPath(p.root), 'utf8');
    writeFileSync(journalPath(p.root), `${log}{"v":1,"op":"entry","entry":{"stepId":3}}\n`);
    const line = log.split('\n').length;
    await expect(applyStep(p, 's2-nofinal', opts)).rejects.toMatchObject({
      code: 'JOURNAL-001',
      message: expect.stringContaining('entry.stepId'),
      location: { file: journalPath(p.root), line },
    });
    writeFileSync(journalPath(p.root), '{not json');
    await expect(planStatus(p)).rejects.toMatchObject({ code: 'JOURNAL-001', location: { line: 1 } });
  });

  it('refuses to revert a step whose files were edited since, naming them', async () => {
    const p = makeProject('edited');
    await applyStep(p, 's1-append', opts);
    writeFileSync(path.join(p.root, 'src/lib/util.lua'), 'edited by hand');
    await expect(revertStep(p, 's1-append')).rejects.toMatchObject({ code: 'APPLY-051', message: expect.stringContaining('src/lib/util.lua') });
    await expect(revertStep(p, 's2-nofinal')).rejects.toMatchObject({ code: 'APPLY-050' });
  });

  it('a second engine command while one runs is refused; a stale lock is taken over', async () => {
    const p = makeProject('lock');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(p.root, '.migrate'), { recursive: true });
    writeFileSync(path.join(p.root, '.migrate/lock'), String(process.ppid));
    await expect(applyStep(p, 's1-append', opts)).rejects.toMatchObject({ code: 'JOURNAL-005', message: expect.stringContaining(`pid ${process.ppid}`) });
    writeFileSync(path.join(p.root, '.migrate/lock'), '2147483646');
    await expect(applyStep(p, 's1-append', opts)).resolves.toMatchObject({ changes: 1 });
    expect(readdirSync(path.join(p.root, '.migrate'))).not.toContain('lock');
  });
});
