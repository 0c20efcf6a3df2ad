// Runs the example's own Lua tests (ao-processes/tests/*-test.lua) inside aos.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AosProcess, outputText } from '../../src/verify/aosRuntime.ts';
import { bundlePreloads, SOURCE_ROOT } from './exampleBundle.ts';

const testModules = readdirSync(path.join(SOURCE_ROOT, 'tests'))
  .filter((f) => f.endsWith('-test.lua'))
  .map((f) => `tests.${f.replace(/\.lua$/, '')}`);

describe('example Lua tests on aos', () => {
  it('finds the Lua tests', () => {
    expect(testModules.length).toBeGreaterThanOrEqual(3);
  });
  for (const mod of testModules) {
    it(mod, async () => {
      const { process: proc, result } = await AosProcess.boot({ name: 'lua-tests', bootData: bundlePreloads(mod) });
      expect(result.Error ?? '').toBe('');
      const r = await proc.eval(`return require(${JSON.stringify(mod)})`);
      expect(r.Error ?? '').toBe('');
      expect(outputText(r)).toMatch(/passed \d+/);
    });
  }
});
