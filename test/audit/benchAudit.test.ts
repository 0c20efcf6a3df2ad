// benchAudit's figures are consistent (no timing thresholds: the bench reports, tests don't time).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchAudit, formatAuditBench } from '../bench/benchAudit.ts';
import { LAYOUTS_DIR } from '../graph/helpers/layoutFixture.ts';

describe('benchAudit', () => {
  it('measures the audit and the bare parse of the same files in one run', () => {
    const root = path.join(LAYOUTS_DIR, 'syntax-zoo');
    const b = benchAudit(root, { repeat: 2 });
    const files = ['main.lua', 'x.lua', 'a/b.lua', 'game-logic/rng/battle-rng.lua', 'lib/util.lua', 'lib/p.lua', 'lib/q.lua', 'lib/crlf.lua', 'lib/bom.lua'];
    const bytes = files.reduce((s, f) => s + readFileSync(path.join(root, f)).length, 0);
    expect(b.files).toBe(files.length);
    expect(b.mb).toBeCloseTo(bytes / 1e6, 9);
    expect(b.auditSeconds).toBeGreaterThan(0);
    expect(b.bareParseSeconds).toBeGreaterThan(0);
    expect(b.ratio).toBeCloseTo(b.auditSeconds / b.bareParseSeconds, 9);
    expect(b.mbPerSec).toBeCloseTo(b.mb / b.auditSeconds, 9);
    expect(b.peakRssMb).toBeGreaterThan(10);
    expect(b.runs).toBe(2);
    expect(b.firstAuditSeconds).toBeGreaterThan(0);
    expect(formatAuditBench(b)).toMatch(/^audit \d+\.\d\d s, bare parse \d+\.\d\d s, ratio \d+\.\d\d \(target <= 2\.0\)/);
  });

  it('refuses a folder without a config with the loader error', () => {
    expect(() => benchAudit(path.join(LAYOUTS_DIR, 'copied-modules'))).toThrow(/CFG-001|migrate\.config\.json/);
  });
});
