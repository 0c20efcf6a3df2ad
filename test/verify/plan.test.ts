// The codemods' own migration of the example (the epic plan, applied in memory) verified on
// the real aos against the monolith on disk. The default run checks the end state for two
// processes and the world; VERIFY_PLAN_STEPS=1 checks every process after every step
// (about 15 minutes).
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DIR } from '../../src/config/loadProject.ts';
import { MigrateError } from '../../src/errors.ts';
import { verifyParity } from '../../src/verify/parity.ts';
import { renderParityReport } from '../../src/verify/render.ts';
import { renderWorldReport, verifyWorld } from '../../src/verify/worldParity.ts';
import { copyProject } from './helpers/fixtureProject.ts';
import { simulatePlan } from './helpers/planSimulation.ts';

// A copy: verify writes the probe files it lacks (traces/probes/) into the project it verifies.
const project = copyProject(EXAMPLE_DIR, 'example-plan');

describe('the epic plan applied by the codemods', () => {
  it('ends in a state that answers like the monolith in all three modes', async () => {
    const trees = simulatePlan(project);
    expect(trees.length).toBeGreaterThan(10);
    const end = trees.at(-1)!.tree;
    const parity = await verifyParity(project, { workspace: end, processes: ['battle', 'economy'] });
    expect(parity.baseline).toBe('disk');
    expect(parity.modes).toEqual(['monolith', 'hybrid', 'federated']);
    expect(parity.ok, renderParityReport(parity)).toBe(true);
    expect(parity.messagesVerified).toBeGreaterThan(100);
    const world = await verifyWorld(project, { workspace: end, modes: ['federated'] });
    expect(world.ok, renderWorldReport(world)).toBe(true);
    expect(world.runs[0]!.crossings).toBeGreaterThan(0);
  });

  it.skipIf(!process.env.VERIFY_PLAN_STEPS)(
    'answers like the monolith after every step, every process, in the modes of that state',
    { timeout: 3_600_000 },
    async () => {
      const failures: string[] = [];
      for (const { id, tree } of simulatePlan(project)) {
        try {
          const r = await verifyParity(project, { workspace: tree });
          console.log(`${r.ok ? 'ok  ' : 'DIFF'} ${id}: ${r.messagesVerified} messages, modes ${r.modes.join('/')}`);
          if (!r.ok) failures.push(`${id}\n${renderParityReport(r)}`);
        } catch (e) {
          // A state that cannot be built or booted is a failure of that step; the next steps still run.
          const text = e instanceof MigrateError ? e.format() : String(e);
          console.log(`FAIL ${id}: ${text.split('\n')[0]}`);
          failures.push(`${id}: ${text}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );
});
