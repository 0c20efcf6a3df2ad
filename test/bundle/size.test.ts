// `migrate size` tells the truth: shells against the ORIGINAL monolith (the baseline when one
// is given), the floor (process-only code + bootstrap) and shell ÷ floor, budgets on raw bytes.
import { describe, expect, it } from 'vitest';
import { MemoryWorkspace } from '../../src/stage/workspace.ts';
import { renderSizeReport, sizeReport } from '../../src/bundle/size.ts';
import { projectConfig } from './helpers.ts';

const FLAG = 'require("runtime.ao_federate")\nFEDERATION_MODE = FEDERATION_MODE or Federation.spawnMode() or Federation.buildMode or "hybrid"\n';
const files = {
  'src/a/main.lua': `${FLAG}local s = Federation.require("runtime.shared", "^1.0.0")\nlocal own = require("a.own")\nlocal both = require("common.both")\n`,
  'src/b/main.lua': `${FLAG}local s = Federation.require("runtime.shared", "^1.0.0")\nlocal both = require("common.both")\n`,
  'src/a/own.lua': `-- only a reaches me\nreturn { n = ${'1 + '.repeat(300)}1 }\n`,
  'src/common/both.lua': 'return { both = true }\n',
  'src/runtime/shared.lua': `return { big = "${'s'.repeat(5000)}" }\n`,
};
const config = projectConfig(
  { a: 'src/a/main.lua', b: 'src/b/main.lua' },
  { runtime: { dir: 'src/runtime', namespace: 'runtime', shareThreshold: 2, version: '1.0.0' }, budgets: { runtimeBytes: 100_000, shellBytes: 2_000 } },
);
const ws = () => new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([p, c]) => [p, Buffer.from(c)])), '/m');

describe('size report', () => {
  it('compares shells with the original monoliths given (the baseline), not the current ones', () => {
    const original = new Map([
      ['a', 'x'.repeat(20_000)],
      ['b', 'y'.repeat(10_000)],
    ]);
    const r = sizeReport({ config }, ws(), { original });
    expect(r.original).toBe('baseline');
    const a = r.processes.find((p) => p.name === 'a')!;
    expect(a.originalBytes).toBe(20_000);
    expect(a.shellToOriginal).toBeCloseTo(a.shellBytes / 20_000, 3);
    expect(a.monolithBytes).not.toBe(20_000);
    expect(sizeReport({ config }, ws()).original).toBe('current sources');
  });

  it('the floor counts the entry and the modules no other process reaches, plus the bootstrap', () => {
    const r = sizeReport({ config }, ws());
    const a = r.processes.find((p) => p.name === 'a')!;
    const b = r.processes.find((p) => p.name === 'b')!;
    // a.own is a's alone; common.both is reached by both, so neither floor counts it.
    expect(a.floorBytes - b.floorBytes).toBe(files['src/a/own.lua'].length + files['src/a/main.lua'].length - files['src/b/main.lua'].length);
    expect(a.shellToFloor).toBeGreaterThan(1);
    expect(r.totals.shellToFloor).toBeCloseTo(r.totals.shellBytes / r.totals.floorBytes, 2);
    expect(renderSizeReport(r)).toContain('budgets apply to raw bytes (unminified), as in audit and plan');
  });

  it('checks budgets on raw bytes even when showing minified sizes', () => {
    const raw = sizeReport({ config }, ws());
    const min = sizeReport({ config }, ws(), { minify: true });
    expect(min.overBudget).toEqual(raw.overBudget);
    expect(raw.overBudget.some((l) => l.startsWith('b: federated shell') || l.startsWith('a: federated shell'))).toBe(true);
  });
});
