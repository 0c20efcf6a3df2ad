// The embedded example builds in all three modes and every build boots on aos (delivery order:
// runtime, then the shell) and answers an Info message; the builds are byte-reproducible.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DIR, loadProject } from '../../src/config/loadProject.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { buildProject } from '../../src/bundle/index.ts';
import { AosProcess } from '../../src/verify/aosRuntime.ts';
import { clean } from './helpers.ts';

const hasExample = existsSync(path.join(EXAMPLE_DIR, 'migrate.config.json'));

describe.skipIf(!hasExample)('example project builds', () => {
  const project = hasExample ? loadProject({ cwd: EXAMPLE_DIR }) : undefined!;
  const ws = hasExample ? new DiskWorkspace(project.root) : undefined!;

  it.each(['monolith', 'federated', 'hybrid'] as const)('%s: every process boots and answers Info', async (mode) => {
    const result = buildProject(project, ws, mode);
    const runtime = result.files.find((f) => f.kind === 'runtime');
    const shells = result.files.filter((f) => f.process);
    expect(shells.map((f) => f.process)).toEqual(project.config.processes.map((p) => p.name));
    for (const shell of shells) {
      const { process: p } = await AosProcess.boot({ name: shell.process!, tags: { 'Federation-Mode': mode } });
      for (const chunk of [...(runtime ? [runtime] : []), shell]) {
        const r = await p.eval(chunk.content);
        expect(r.Error ? clean(String(r.Error)) : undefined, `${chunk.path}`).toBeUndefined();
      }
      const info = await p.send({ From: 'PLAYER_INFO', Tags: { Action: 'Info' } });
      expect(info.Error, shell.path).toBeUndefined();
      expect(info.Messages.length, shell.path).toBeGreaterThan(0);
      expect(info.Messages[0]!.Target).toBe('PLAYER_INFO');
    }
  });

  it('is byte-reproducible (two builds of each mode are identical)', () => {
    for (const mode of ['monolith', 'federated', 'hybrid'] as const) {
      const a = buildProject(project, ws, mode).files.map((f) => [f.path, f.content]);
      const b = buildProject(project, new DiskWorkspace(project.root), mode).files.map((f) => [f.path, f.content]);
      expect(b).toEqual(a);
    }
  });
});
