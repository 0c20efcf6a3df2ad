// World probes on the real aos: a two-process fixture (test/fixtures/verify/peers) where front
// counts confirmations its peer sends back with a ticket only front knows. A planted change in
// that count is missed by the per-process probes (front alone never gets a real confirmation)
// and caught by the same probes replayed in one world (back answers).
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyParity } from '../../src/verify/parity.ts';
import { verifyWorldProbes, worldProbeTraces } from '../../src/verify/probes/worldProbes.ts';
import { copyFixture, editFile, withProbes } from '../verify/helpers/fixtureProject.ts';

describe('world probes', () => {
  it('catch a change that only shows through a peer exchange; per-process probes miss it', async () => {
    const project = await withProbes(copyFixture('peers'));
    // the probe list: every process's probes, in config order, each sent to its process
    const traces = worldProbeTraces(project, new Map(project.config.processes.map((p) => [p.name, [`${project.root}/traces/probes/${p.name}.jsonl`]])));
    expect(traces.map((t) => t.file)).toEqual(['traces/probes/front.jsonl', 'traces/probes/back.jsonl']);
    expect(new Set(traces[0]!.messages.map((m) => m.target))).toEqual(new Set(['front']));

    const clean = await verifyWorldProbes(project, { modes: ['monolith'] });
    expect(clean?.ok).toBe(true);
    // front asked back, back confirmed: messages crossed the process boundary
    expect(clean!.runs[0]!.crossings).toBeGreaterThan(0);

    editFile(project, 'src/front/main.lua', 'Confirmed = Confirmed + 1', 'Confirmed = Confirmed + 2');
    const perProcess = await verifyParity(project, { modes: ['monolith'] });
    expect(perProcess.ok).toBe(true);
    const world = await verifyWorldProbes(project, { modes: ['monolith'] });
    expect(world?.ok).toBe(false);
    const run = world!.runs[0]!;
    const where = run.firstDifference ? run.firstDifference.file : run.snapshotDifferences[0]?.process;
    expect(where).toMatch(/front/);
  }, 120_000);

  it('say "not run" when the baseline world never becomes quiet (VERIFY-040), never a failure', async () => {
    const project = copyFixture('peers');
    const ping = '\nHandlers.add("Ping", Handlers.utils.hasMatchingTag("Action", "Ping"), function(msg) ao.send({ Target = msg.From, Action = "Ping" }) end)\n';
    for (const p of ['front', 'back']) appendFileSync(path.join(project.root, `src/${p}/main.lua`), ping);
    await withProbes(project);
    const r = await verifyWorldProbes(project, { modes: ['monolith'] });
    expect(r?.notRun).toMatch(/did not become quiet/);
    expect(r?.ok).toBe(true);
    expect(r?.runs).toEqual([]);
  }, 120_000);
});
