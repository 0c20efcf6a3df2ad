// The example after a (simulated) migration: a real runtime of shared modules, small shells,
// every mode boots on aos and answers Info; the shells are far smaller than the monoliths.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DIR, loadProject } from '../../src/config/loadProject.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { buildProject } from '../../src/bundle/index.ts';
import { sizeReport } from '../../src/bundle/size.ts';
import { AosProcess } from '../../src/verify/aosRuntime.ts';
import { clean } from './helpers.ts';
import { simulateMigration } from './simulateMigration.ts';

const hasExample = existsSync(path.join(EXAMPLE_DIR, 'migrate.config.json'));

describe.skipIf(!hasExample)('migrated example', () => {
  const project = hasExample ? loadProject({ cwd: EXAMPLE_DIR }) : undefined!;
  const migrated = hasExample ? simulateMigration(project.config, new DiskWorkspace(project.root)) : undefined!;

  it('has a runtime and shells smaller than the monoliths', () => {
    expect(migrated.shared.length).toBeGreaterThan(5);
    const report = sizeReport(project, migrated.ws);
    expect(report.runtimeModules).toBe(migrated.shared.length);
    for (const p of report.processes) {
      expect(p.shellBytes).toBeLessThan(p.monolithBytes);
      expect(p.hybridBytes).toBeGreaterThan(p.shellBytes);
    }
  });

  it.each([
    ['federated', ['coordinator', 'battle', 'pokemon', 'economy', 'security', 'admin']],
    ['hybrid', ['battle', 'economy']],
    ['monolith', ['battle', 'economy']],
  ] as const)('%s builds boot on aos and answer Info', async (mode, names) => {
    const build = buildProject(project, migrated.ws, mode);
    // Hybrid boots without its runtime here, so the fallbacks are what runs.
    const runtime = mode === 'hybrid' ? undefined : build.files.find((f) => f.kind === 'runtime');
    for (const name of names) {
      const shell = build.files.find((f) => f.process === name)!;
      const { process: p } = await AosProcess.boot({ name, tags: { 'Federation-Mode': mode } });
      for (const chunk of [...(runtime ? [runtime] : []), shell]) {
        const r = await p.eval(chunk.content);
        expect(r.Error ? clean(String(r.Error)) : undefined, chunk.path).toBeUndefined();
      }
      const info = await p.send({ From: 'PLAYER_INFO', Tags: { Action: 'Info' } });
      expect(info.Error, shell.path).toBeUndefined();
      expect(info.Messages[0]?.Target, shell.path).toBe('PLAYER_INFO');
      const status = await p.send({ From: 'PLAYER_INFO', Tags: { Action: 'Federation-Status' } });
      if (mode === 'monolith') continue;
      const origins = (JSON.parse(status.Messages[0]!.Data!) as { modules: { origin: string; active: boolean; loaded: boolean }[] }).modules
        .filter((m) => m.active && m.loaded)
        .map((m) => m.origin);
      expect(origins).toContain(mode === 'federated' ? 'runtime' : 'fallback');
    }
  });
});
