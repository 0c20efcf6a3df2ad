// Each process of the example, bundled as a monolith by src/bundle, boots on the real aos runtime
// and answers its whole trace: no Lua error, and an error reply exactly where the trace expects one.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AosProcess, outputText } from '../../src/verify/aosRuntime.ts';
import { EXAMPLE_ROOT, PROCESSES } from './exampleBundle.ts';
import { monolithOf } from './exampleProject.ts';
import { readTrace, replayAndCheck } from './traceReplay.ts';

describe('example monoliths on aos', () => {
  for (const name of PROCESSES) {
    it(`${name}: boots and replays traces/${name}.jsonl`, async () => {
      const lines = readTrace(path.join(EXAMPLE_ROOT, 'traces', `${name}.jsonl`));
      expect(lines.length).toBeGreaterThan(10);
      const { process: proc, result } = await AosProcess.boot({ name, bootData: monolithOf(name) });
      expect(result.Error ?? '', `boot of ${name}`).toBe('');
      expect(outputText(result)).not.toMatch(/error/i);
      const problems = await replayAndCheck(proc, lines);
      expect(problems).toEqual([]);
    });
  }

  // TEST_MODE is read at load time: set before the bundle, the entries export their test hooks
  const HOOKS: Record<string, string> = {
    coordinator: 'CoordinatorTestHooks',
    economy: 'EconomyTestHooks',
    security: 'SecurityTestHooks',
    admin: 'AdminTestHooks',
  };
  it('exports test hooks only when TEST_MODE is set', async () => {
    for (const [name, hooks] of Object.entries(HOOKS)) {
      for (const testMode of [true, false]) {
        const { process: proc } = await AosProcess.boot({ name, bootData: `TEST_MODE = ${testMode}\n${monolithOf(name)}` });
        const r = await proc.eval(`return type(${hooks}) .. ":" .. tostring(TEST_MODE)`);
        expect(outputText(r), `${name} TEST_MODE=${testMode}`).toContain(testMode ? `table:true` : `nil:false`);
      }
    }
  });
});
