// A process whose handler gives the process away (Transfer-Ownership sets the global Owner):
// aos then ignores the harness's Eval, so the state snapshot after a replay used to fail with
// VERIFY-011 "the Eval printed no snapshot". keepHarnessEval lets the harness's own Evals through
// and leaves the process's Owner as its handler set it.
import { describe, expect, it } from 'vitest';
import { AosProcess } from '../../src/verify/aosRuntime.ts';
import { keepHarnessEval, takeSnapshot } from '../../src/verify/snapshot.ts';

const PROCESS = `
Handlers.add('transfer', Handlers.utils.hasMatchingTag('Action', 'Transfer-Ownership'), function(msg)
  Owner = msg.Tags['New-Owner']
  Counter = (Counter or 0) + 1
end)`;
const NEW_OWNER = 'SOMEONE_ELSE'.padEnd(43, '0');

async function afterTransfer(hook: boolean): Promise<AosProcess> {
  const { process: proc } = await AosProcess.boot({ name: 'owner-change' });
  expect((await proc.eval(PROCESS)).Error).toBeFalsy();
  if (hook) await keepHarnessEval(proc);
  await proc.send({ From: proc.owner, Tags: { Action: 'Transfer-Ownership', 'New-Owner': NEW_OWNER } });
  return proc;
}

describe('snapshot after the process changed its Owner', () => {
  it('fails without the hook (the shape this guards)', async () => {
    await expect(takeSnapshot(await afterTransfer(false))).rejects.toThrow(/VERIFY-011|printed no snapshot/);
  }, 60_000);

  it('reads the state with the hook, and the Owner stays what the handler set', async () => {
    const proc = await afterTransfer(true);
    const snap = await takeSnapshot(proc, { globals: ['Counter', 'Owner'] });
    expect(snap.handlers).toContain('transfer');
    expect(snap.globals.Counter).toBe('1');
    expect(snap.globals.Owner).toBe(JSON.stringify(NEW_OWNER));
    // A replayed Eval from the old owner is still refused, as aos would.
    const r = await proc.send({ From: proc.owner, Tags: { Action: 'Eval' }, Data: 'print("x")' });
    expect(JSON.stringify(r.Output ?? '')).not.toContain('"x"');
  }, 60_000);
});
