import { describe, expect, it } from 'vitest';
import { ensureBaseline, readBaseline } from '../../src/verify/baseline.ts';
import { verifyParity } from '../../src/verify/parity.ts';
import { renderParityReport } from '../../src/verify/render.ts';
import { copyFixture, editFile } from './helpers/fixtureProject.ts';
import { buildForBoot } from '../../src/verify/bootBuilds.ts';
import path from 'node:path';
import { probeFile } from '../../src/verify/probes/probeFile.ts';
import { loadTrace } from '../../src/verify/trace.ts';

describe('verifyParity on the real aos', () => {
  it('passes for an unchanged project in all three modes, and says the baseline is the current monolith', async () => {
    const project = copyFixture('mini');
    const report = await verifyParity(project, { modes: ['monolith', 'hybrid', 'federated'] });
    // per process: its hand-written trace, then the probes synthesised from its handlers
    const modes = ['monolith', 'hybrid', 'federated'];
    expect(report.runs.map((r) => [r.process, r.trace, r.mode, r.ok])).toEqual(
      ['alpha', 'beta'].flatMap((p) => [`traces/${p}.jsonl`, `traces/probes/${p}.jsonl`].flatMap((t) => modes.map((m) => [p, t, m, true]))),
    );
    expect(report.ok).toBe(true);
    expect(report.probesWritten.map((f) => path.basename(f))).toEqual(['alpha.jsonl', 'beta.jsonl']);
    const probes = ['alpha', 'beta'].map((p) => loadTrace(probeFile(project, p)).messages.length);
    expect(Math.min(...probes)).toBeGreaterThan(0);
    expect(report.messagesVerified).toBe((8 + 5 + probes[0]! + probes[1]!) * 3);
    expect(report.baseline).toBe('current');
    expect(report.notes.join('\n')).toMatch(/current monolith is its own baseline/);
    // The Add with bad data errored on both sides (and was expected to).
    expect(report.runs[0]!.errored).toBe(1);
    expect(report.runs[0]!.expectationFailures).toEqual([]);
  });

  it('reports the exact first difference when one constant of a shared module changes after the baseline', async () => {
    const project = copyFixture('mini');
    expect((await ensureBaseline(project)).created).toBe(true);
    expect((await ensureBaseline(project)).created).toBe(false);
    editFile(project, 'src/shared/fmt.lua', 'M.CRIT_BONUS = 2', 'M.CRIT_BONUS = 3');
    const report = await verifyParity(project, { processes: ['alpha'], modes: ['federated'] });
    expect(report.baseline).toBe('stored');
    expect(report.ok).toBe(false);
    const run = report.runs[0]!;
    const d = run.firstDifference!;
    // Line 4 is the first Roll: the rolled value is the same, crit = value * bonus is not.
    expect([d.line, d.index, d.field]).toEqual([4, 3, 'messages[0].Data']);
    const expected = JSON.parse(d.expected as string);
    const actual = JSON.parse(d.actual as string);
    expect(actual.body.value).toBe(expected.body.value);
    expect(expected.body.crit).toBe(expected.body.value * 2);
    expect(actual.body.crit).toBe(expected.body.value * 3);
    expect(run.compared).toBe(4);
    const text = renderParityReport(report);
    expect(text).toContain('First difference: alpha (federated), traces/alpha.jsonl:4 (message #4), field messages[0].Data');
    expect(text).toMatch(new RegExp(`-\\s+"crit": ${expected.body.crit}`));
    expect(text).toMatch(new RegExp(`\\+\\s+"crit": ${actual.body.crit}`));
  });

  it('finds a change that only shows in the state snapshot', async () => {
    const project = copyFixture('mini');
    await ensureBaseline(project);
    editFile(project, 'src/alpha/main.lua', 'stats.bump(Counts, "roll")', 'stats.bump(Counts, "rolls")');
    const report = await verifyParity(project, { processes: ['alpha'], modes: ['monolith'] });
    const run = report.runs[0]!;
    expect(run.firstDifference).toBeUndefined();
    expect(run.snapshotDifferences.map((s) => s.field)).toEqual(['globals.Counts']);
    expect(run.snapshotDifferences[0]!.expected).toBe('{["ping"]=1,["roll"]=3}');
    expect(run.snapshotDifferences[0]!.actual).toBe('{["ping"]=1,["rolls"]=3}');
    expect(report.ok).toBe(false);
  });

  it('keeps the state of an errored message in live mode and discards it with CU semantics', async () => {
    const project = copyFixture('mini');
    const live = await verifyParity(project, { processes: ['alpha'], trace: 'traces/spend.jsonl', modes: ['monolith'] });
    const cu = await verifyParity(project, { processes: ['alpha'], trace: 'traces/spend.jsonl', modes: ['monolith'], discardErrored: true });
    // Live: 3 - 5 = -2 is kept, so the second Spend (-4) errors too; CU: back to 3, then 1.
    expect([live.ok, cu.ok, cu.discardErrored, live.runs[0]!.errored, cu.runs[0]!.errored]).toEqual([true, true, true, 2, 1]);
    const { bootFromPlan, bootPlan } = await import('../../src/verify/bootBuilds.ts');
    const { replayTrace } = await import('../../src/verify/replay.ts');
    const { loadTrace } = await import('../../src/verify/trace.ts');
    const { takeSnapshot } = await import('../../src/verify/snapshot.ts');
    const trace = loadTrace(`${project.root}/traces/spend.jsonl`);
    const totals: string[] = [];
    for (const discardErroredState of [false, true]) {
      const { proc } = await bootFromPlan(bootPlan(await buildForBoot(project, 'monolith'), 'monolith', 'alpha'), { discardErroredState });
      const r = await replayTrace(proc, trace);
      totals.push(`${r.errored}:${(await takeSnapshot(proc, { globals: ['Total'] })).globals.Total}`);
    }
    expect(totals).toEqual(['2:-4', '1:1']);
  });

  it('refuses a corrupted baseline with VERIFY-031', async () => {
    const project = copyFixture('mini');
    const { dir } = await ensureBaseline(project);
    const { appendFileSync } = await import('node:fs');
    appendFileSync(`${dir}/monolith/beta.lua`, '\n-- edited');
    expect(() => readBaseline(project)).toThrow(/VERIFY-031|corrupted/);
    await expect(verifyParity(project)).rejects.toMatchObject({ code: 'VERIFY-031' });
  });

  it('rejects an unknown process with VERIFY-003', async () => {
    const project = copyFixture('mini');
    await expect(verifyParity(project, { processes: ['gamma'] })).rejects.toMatchObject({ code: 'VERIFY-003' });
  });
});
