// The import-rewrite bench, small in the default run (TS_BENCH_FULL=1 runs the 2,000-file
// project): ours must not be slower than the jscodeshift CLI and must change the same files.
import { describe, expect, it } from 'vitest';
import { benchTsRewrite } from '../bench/tsBench.ts';

describe('benchTsRewrite', () => {
  it('rewrites the same files as the jscodeshift CLI, not slower', async () => {
    const files = process.env.TS_BENCH_FULL ? 2000 : 150;
    const r = await benchTsRewrite(files);
    expect(r.changedFiles).toEqual({ ours: files, jscodeshift: files });
    expect(r.oursSeconds).toBeLessThanOrEqual(r.jscodeshiftCliSeconds);
    expect(r.ratio).toBeGreaterThanOrEqual(1);
  });
});
