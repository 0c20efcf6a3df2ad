// The long run, behind VERIFY_LOAD=1 (about 2.5 minutes): the example with every shared module
// (game-logic, data, handlers) moved to the runtime by hand passes verify in all three modes and
// in a 3-player world, and bench-runtime's 5,000 messages per process stay within sane ratios.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DIR, loadProject } from '../../src/config/loadProject.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { ensureBaseline } from '../../src/verify/baseline.ts';
import { benchRuntime, renderBench } from '../../src/verify/bench.ts';
import { verifyParity } from '../../src/verify/parity.ts';
import { verifyWorld } from '../../src/verify/worldParity.ts';
import { copyProject } from './helpers/fixtureProject.ts';
import { federateModule } from './helpers/handMigrate.ts';

const messages = Number(process.env.VERIFY_LOAD_MESSAGES ?? 5000);

describe.skipIf(!process.env.VERIFY_LOAD)('load: the fully federated example', () => {
  it('passes verify in every mode and in the world, and holds up under load', { timeout: 900_000 }, async () => {
    const copy = copyProject(EXAMPLE_DIR, 'example-load');
    await ensureBaseline(copy);
    const shared = new DiskWorkspace(copy.root)
      .list('ao-processes')
      .filter((f) => /^ao-processes\/(game-logic|data|handlers)\/.*\.lua$/.test(f))
      .map((f) => f.slice('ao-processes/'.length, -'.lua'.length).split('/').join('.'));
    for (const name of shared) federateModule(copy, name);
    const project = loadProject({ project: copy.root, cwd: copy.root });
    const parity = await verifyParity(project);
    expect(parity.modes).toEqual(['monolith', 'hybrid', 'federated']);
    expect(parity.runs.filter((r) => !r.ok).map((r) => `${r.process}/${r.mode}`)).toEqual([]);
    const world = await verifyWorld(project, { players: 3 });
    expect(world.runs.map((r) => [r.mode, r.ok])).toEqual([
      ['monolith', true],
      ['hybrid', true],
      ['federated', true],
    ]);
    const bench = await benchRuntime(project, { messages, players: 3 });
    console.log(renderBench(bench));
    for (const p of bench.processes) {
      // both sides count the same messages: all but the pairs where either side paused (<= 2 %)
      expect(p.monolith.messages).toBe(p.federated.messages);
      expect(p.monolith.messages).toBeGreaterThanOrEqual(messages * 0.98);
      expect(p.federated.errored).toBe(p.monolith.errored);
      // Federation costs a little per message, never a multiple.
      expect(p.ratios.perSecond).toBeGreaterThan(0.5);
      expect(p.ratios.memoryAfterLoadKiB).toBeLessThan(2);
    }
  });
});
