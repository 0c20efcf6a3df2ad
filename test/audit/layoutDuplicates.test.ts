// The duplication patterns of the real system (docs: real-system-shape.md), hand-built in the
// copied-modules layout, must each be found: copied infrastructure (exact files), drifted module
// revisions, helpers re-written under other names (type 2), reformatted tables (type 1), and the
// inline JSON fallbacks that differ (near-duplicates, reported with their diff, never merged).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditLua } from '../../src/audit/runAudit.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { LAYOUTS_DIR, layoutConfig } from '../graph/helpers/layoutFixture.ts';

const PROCESSES = ['coordinator', 'battle', 'pokemon', 'economy', 'admin'];
const config = layoutConfig({ sourceRoot: 'ao-processes', processes: PROCESSES.map((name) => ({ name, entry: `ao-processes/${name}/main.lua` })) });
const report = auditLua(config, new DiskWorkspace(path.join(LAYOUTS_DIR, 'copied-modules')), 'copied-modules');
type Finding = (typeof report.duplicates)[number];
const paths = (f: Finding) => f.members.map((m) => m.path).sort();
const find = (kind: string, pred: (f: Finding) => boolean) => report.duplicates.filter((f) => f.kind === kind && pred(f));

describe('duplicates in the copied-modules layout', () => {
  it('the same file at five paths is one exact-file finding carried by all five processes', () => {
    const [f] = find('exact-file', (f) => f.members.some((m) => m.path.endsWith('infra/message-correlator.lua')));
    expect(f).toBeDefined();
    expect(paths(f!)).toEqual(PROCESSES.map((p) => `ao-processes/${p}/infra/message-correlator.lua`).sort());
    expect([...f!.processes].sort()).toEqual([...PROCESSES].sort());
    expect(f!.similarity).toBe(1);
    for (const m of f!.members) expect(m).toMatchObject({ startLine: 1, endLine: 21, bytes: 462 });
  });

  it('the RNG module at two revisions is drifted, with the signature that changed', () => {
    const [f] = find('drifted', (f) => f.members.some((m) => m.path.endsWith('battle-rng.lua')));
    expect(f).toBeDefined();
    expect(paths(f!)).toEqual(['ao-processes/battle/components/battle-rng.lua', 'ao-processes/game-logic/rng/battle-rng.lua']);
    expect(f!.signatureChanges!.join('\n')).toMatch(/initGlobalRNG\(seed\).*initGlobalRNG\(seed, timestamp\)/);
    expect(f!.similarity).toBeLessThan(1);
  });

  it('a helper re-written with other names is a type-2 clone with its line range', () => {
    const [f] = find('type-2', (f) => f.members.some((m) => m.name.includes('deepCopy')));
    expect(f).toBeDefined();
    expect(f!.members.map((m) => [m.path, m.startLine, m.endLine])).toEqual([
      ['ao-processes/battle/handlers/battle-handler.lua', 7, 14],
      ['ao-processes/pokemon/handlers/pokemon-handler.lua', 6, 13],
    ]);
    expect(f!.processes).toEqual(['battle', 'pokemon']);
  });

  it('a table reformatted with other comments is a type-1 clone (same tokens, other bytes)', () => {
    const f = report.duplicates.find((d) => d.members.some((m) => m.path === 'ao-processes/admin/shop-constants.lua'));
    expect(f).toBeDefined();
    expect(f!.similarity).toBe(1);
    expect(f!.kind).toBe('type-1');
    expect(paths(f!)).toEqual(['ao-processes/admin/shop-constants.lua', 'ao-processes/economy/shop-constants.lua']);
  });

  it('the inline JSON fallbacks are near-duplicates across all five entries, with the escaping difference in the diff', () => {
    const near = find('near', (f) => f.unit === 'block' && f.members.every((m) => m.path.endsWith('/main.lua')));
    expect(near.length).toBeGreaterThanOrEqual(1);
    const f = near[0]!;
    const carried = new Set(report.duplicates.filter((d) => d.unit === 'block' && d.members.every((m) => m.startLine === 7)).flatMap((d) => d.processes));
    expect([...carried].sort()).toEqual([...PROCESSES].sort());
    expect(f.similarity).toBeGreaterThanOrEqual(0.8);
    expect(f.similarity).toBeLessThan(1);
    const patches = f.diffs!.map((d) => d.patch).join('\n');
    expect(patches).toMatch(/^[-+].*\\n/m);
    for (const m of f.members) expect([m.startLine, m.endLine]).toEqual([7, 26]);
  });

  it('measures shared vs specific bytes per process and the runtime split from the graph', () => {
    const battle = report.processes.find((p) => p.name === 'battle')!;
    expect(battle.bundleBytes).toBe(battle.sharedBytes + battle.specificBytes);
    const enums = report.modules.find((m) => m.name === 'data.constants.enums')!;
    expect(enums.shared).toBe(true);
    expect(battle.sharedModules).toContain('data.constants.enums');
    expect(battle.specificModules).toContain('battle.infra.message-correlator');
    expect(report.split.runtimeModules).toEqual(['data.constants.enums', 'game-logic.rng.battle-rng']);
    expect(report.split.runtimeBytes).toBe(enums.bytes + report.modules.find((m) => m.name === 'game-logic.rng.battle-rng')!.bytes);
    const total = report.processes.reduce((s, p) => s + p.bundleBytes, 0);
    const after = report.split.runtimeBytes + report.processes.reduce((s, p) => s + p.specificBytes, 0);
    expect(report.split.reductionPct).toBeCloseTo(Math.round((1 - after / total) * 1000) / 10, 5);
  });
});
