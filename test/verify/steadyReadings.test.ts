// Two things that differ between a monolith and a federated/hybrid build without being
// behaviour: a process printing its heap size (`collectgarbage('count')` in a Memory-KiB-Used
// field: the runtime and loader live in the heap too), and a JSON object printed with its keys in
// another `pairs` order. Both made every ar-io-network-process-shaped run "differ".
import { describe, expect, it } from 'vitest';
import { AosProcess, outputText } from '../../src/verify/aosRuntime.ts';
import { isOrderOnly } from '../../src/verify/normalise.ts';
import { keepHarnessEval, takeSnapshot } from '../../src/verify/snapshot.ts';

const REPORTER = `
Handlers.add('mem', Handlers.utils.hasMatchingTag('Action', 'Mem'), function(msg)
  print('Memory-KiB-Used ' .. tostring(collectgarbage('count')))
end)`;

async function memAnswer(extraHeap: boolean, hooks: boolean): Promise<string> {
  const { process: proc } = await AosProcess.boot({ name: 'mem' });
  // The "federated" side holds more in its heap (here: a big table), as a runtime would.
  await proc.eval(`${REPORTER}\n${extraHeap ? '__big = {} for i = 1, 20000 do __big[i] = tostring(i) end' : ''}`);
  if (hooks) await keepHarnessEval(proc);
  const r = await proc.send({ From: proc.owner, Tags: { Action: 'Mem' } });
  const snap = await takeSnapshot(proc, { globals: [] });
  expect(snap.memoryKiB).not.toBe(1024);
  return outputText(r);
}

describe('readings that are not behaviour', () => {
  it('heap readings in answers: differ between heaps without the hooks, equal with them', async () => {
    expect(await memAnswer(false, false)).not.toBe(await memAnswer(true, false));
    expect(await memAnswer(false, true)).toBe(await memAnswer(true, true));
  }, 60_000);

  it('a JSON object printed with its keys in another order is an order-only difference; other changes are not', () => {
    expect(isOrderOnly('Pruning\n{"a":1,"b":{"x":1,"y":2}}', 'Pruning\n{"b":{"y":2,"x":1},"a":1}')).toBe(true);
    expect(isOrderOnly('{"a":1,"b":2}', '{"a":1,"b":3}')).toBe(false);
    expect(isOrderOnly('x\ny', 'y\nx')).toBe(true);
  });
});
