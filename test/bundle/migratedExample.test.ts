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
import { bootFromPlan, bootPlan } from '../../src/verify/bootBuilds.ts';
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

  // Issue 16: a runtime no dearer than a copy. Lua's own count after a full collection, both
  // sides spawned alike: every byte the federated process holds beyond its monolith shows here
  // (a 33rd field of Federation, a per-chunk _ENV upvalue, a second copy of a long module name).
  it("federated memory after boot is no more than the monolith's, for every process", async () => {
    const builds = { monolith: buildProject(project, migrated.ws, 'monolith'), federated: buildProject(project, migrated.ws, 'federated') };
    const memory = async (mode: 'monolith' | 'federated', name: string) => {
      const { proc } = await bootFromPlan(bootPlan(builds[mode], mode, name), { modeTag: false });
      const r = await proc.eval("collectgarbage('collect') print(string.format('%.3f', collectgarbage('count')))");
      return Number((r.Output as { data: string }).data);
    };
    const over: string[] = [];
    for (const name of project.config.processes.map((p) => p.name)) {
      const [mono, fed] = [await memory('monolith', name), await memory('federated', name)];
      if (fed > mono) over.push(`${name}: ${fed} KiB federated > ${mono} KiB monolith`);
    }
    expect(over).toEqual([]);
  }, 120_000);
});
