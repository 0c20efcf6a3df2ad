import { describe, expect, it } from 'vitest';
import { bootFromPlan, bootPlan } from '../../src/verify/bootBuilds.ts';
import { takeSnapshot } from '../../src/verify/snapshot.ts';
import type { BuildOutput } from '../../src/verify/types.ts';
import { copyFixture, editFile } from './helpers/fixtureProject.ts';

const build: BuildOutput = {
  files: [
    { path: 'federated/runtime.lua', kind: 'runtime', content: 'RUNTIME_LOADED = (RUNTIME_LOADED or 0) + 1' },
    { path: 'federated/a.lua', kind: 'shell', process: 'a', content: 'SHELL_SAW_RUNTIME = RUNTIME_LOADED' },
    { path: 'hybrid/a.lua', kind: 'hybrid-shell', process: 'a', content: 'SHELL_SAW_RUNTIME = RUNTIME_LOADED or "fallback"' },
    { path: 'monolith/a.lua', kind: 'monolith', process: 'a', content: 'error("broken bundle")' },
  ],
};

describe('boot plans', () => {
  it('evaluates the runtime before the shell (federated, hybrid) and can leave it out (hybrid fallback)', async () => {
    expect(bootPlan(build, 'federated', 'a').chunks.map((c) => c.label)).toEqual(['federated/runtime.lua', 'federated/a.lua']);
    expect(bootPlan(build, 'hybrid', 'a', { hybridWithRuntime: false }).chunks.map((c) => c.label)).toEqual(['hybrid/a.lua']);
    const fed = await bootFromPlan(bootPlan(build, 'federated', 'a'));
    expect((await takeSnapshot(fed.proc)).globals).toEqual({ RUNTIME_LOADED: '1', SHELL_SAW_RUNTIME: '1' });
    const alone = await bootFromPlan(bootPlan(build, 'hybrid', 'a', { hybridWithRuntime: false }));
    expect((await takeSnapshot(alone.proc)).globals).toEqual({ SHELL_SAW_RUNTIME: '"fallback"' });
  });

  it('boots a process left unfederated (its monolith under the shell name) alone, without the runtime', async () => {
    const standalone = (f: BuildOutput['files'][number]) => (f.process === 'a' && f.kind !== 'monolith' ? { ...f, standalone: true as const } : f);
    const kept: BuildOutput = { files: build.files.map(standalone) };
    expect(bootPlan(kept, 'federated', 'a').chunks.map((c) => c.label)).toEqual(['federated/a.lua']);
    expect(bootPlan(kept, 'hybrid', 'a').chunks.map((c) => c.label)).toEqual(['hybrid/a.lua']);
    const fed = await bootFromPlan(bootPlan(kept, 'federated', 'a'));
    expect((await takeSnapshot(fed.proc)).globals).toEqual({});
  });

  it('names what a build lacks (VERIFY-021) and which chunk failed to evaluate (VERIFY-022)', async () => {
    expect(() => bootPlan(build, 'federated', 'b')).toThrow(
      expect.objectContaining({ code: 'VERIFY-021', message: "the federated build has no shell for process 'b'" }),
    );
    await expect(bootFromPlan(bootPlan(build, 'monolith', 'a'))).rejects.toMatchObject({
      code: 'VERIFY-022',
      message: expect.stringMatching(/monolith\/a\.lua: .*broken bundle/),
    });
  });
});

describe('a current build that does not boot', () => {
  it('is a failed run with the boot error (exit 1), not a tool error', async () => {
    const { ensureBaseline } = await import('../../src/verify/baseline.ts');
    const { verifyParity } = await import('../../src/verify/parity.ts');
    const { renderParityReport } = await import('../../src/verify/render.ts');
    const project = copyFixture('mini-fed');
    await ensureBaseline(project);
    editFile(project, 'src/alpha/main.lua', 'Federation.require("runtime.fmt", "^1.0.0")', 'Federation.require("runtime.fmt", "^3.0.0")');
    const report = await verifyParity(project, { modes: ['federated'] });
    const run = report.runs[0]!;
    expect([report.ok, run.ok, run.compared]).toEqual([false, false, 0]);
    expect(run.bootError).toMatch(/FED-002 module 'runtime\.fmt' 1\.0\.0 does not satisfy '\^3\.0\.0'/);
    expect(renderParityReport(report)).toContain("Boot failed: alpha (federated): federated boot of 'alpha' failed while evaluating federated/alpha.lua");
  });
});
