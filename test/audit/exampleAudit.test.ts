// The audit of the example monolith finds every planted duplication of the reference
// (examples/pokerogue-ao/docs/planted-a.md, planted-b.md) and the closure figures it documents.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditLua } from '../../src/audit/runAudit.ts';
import { loadProject, EXAMPLE_DIR } from '../../src/config/loadProject.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';

const project = loadProject({ project: EXAMPLE_DIR, cwd: EXAMPLE_DIR });
const report = auditLua(project.config, new DiskWorkspace(project.root), path.basename(project.root));
const R = 'ao-processes/';
type Finding = (typeof report.duplicates)[number];
const withMember = (kind: string, file: string, name?: string): Finding[] =>
  report.duplicates.filter((d) => d.kind === kind && d.members.some((m) => m.path === R + file && (!name || m.name === name)));

describe('audit of the example monolith', () => {
  it('parses every module without problems and measures the documented closures', () => {
    expect(report.problems).toEqual([]);
    const battle = report.processes.find((p) => p.name === 'battle')!;
    const pokemon = report.processes.find((p) => p.name === 'pokemon')!;
    expect(battle.modules.length).toBe(68);
    expect(pokemon.modules.length).toBe(58);
    expect(battle.modules.at(-1)).toBe('battle.main');
    expect(battle.bundleBytes).toBeGreaterThan(950_000);
    expect(report.split.runtimeModules.length).toBe(54);
    expect(report.split.reductionPct).toBeGreaterThan(50);
  });

  it('the helpers copied into five handlers are one type-1 clone each, the renamed copies type-2', () => {
    for (const name of ['deepCopy', 'mergeTables', 'errorReply']) {
      const [f] = withMember('type-1', 'battle/handlers/battle-start-handler.lua', name);
      expect(f?.members.map((m) => m.path).sort()).toEqual(
        [
          'battle/handlers/battle-command-handler.lua',
          'battle/handlers/battle-end-handler.lua',
          'battle/handlers/battle-start-handler.lua',
          'pokemon/handlers/creation-handler.lua',
          'pokemon/handlers/party-handler.lua',
        ].map((p) => R + p),
      );
      expect(f!.processes).toEqual(['battle', 'pokemon']);
    }
    const [renamed] = withMember('type-2', 'battle/handlers/battle-replay-handler.lua', 'cloneDeep');
    expect(renamed?.members.some((m) => m.name === 'deepCopy')).toBe(true);
  });

  it('the drifted RNG copy is reported with the signature change and a diff', () => {
    const [f] = withMember('drifted', 'economy/components/battle-rng.lua');
    expect(f?.members.map((m) => m.path)).toEqual([R + 'economy/components/battle-rng.lua', R + 'game-logic/rng/battle-rng.lua']);
    expect(f!.signatureChanges).toEqual(['M.initGlobalRNG(seed, timestamp) -> M.initGlobalRNG(seed)']);
    expect(f!.diffs![0]!.patch).toMatch(/^[-+].*initGlobalRNG/m);
  });

  it('the inline JSON fallbacks of the entries are near-duplicates with the escape lines in the diff', () => {
    const [bp] = withMember('near', 'battle/main.lua').filter((d) => d.unit === 'block' && d.members.some((m) => m.path === R + 'pokemon/main.lua'));
    expect(bp).toBeDefined();
    expect(bp!.similarity).toBeLessThan(1);
    expect(bp!.diffs![0]!.patch).toMatch(/\\\\t/);
    const [ce] = withMember('near', 'coordinator/main.lua').filter((d) => d.unit === 'block' && d.members.some((m) => m.path === R + 'economy/main.lua'));
    expect(ce).toBeDefined();
    const encoders = withMember('near', 'admin/main.lua', 'json.encode');
    expect(encoders[0]?.members.length).toBe(6);
  });
});
