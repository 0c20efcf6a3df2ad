import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordAll } from './recordAll.js';

const expectedFile = new URL('./expected-messages.json', import.meta.url);

describe('client entry scripts (fake transport)', () => {
  it('send exactly the expected messages', async () => {
    const recorded = await recordAll();
    // The toolkit's harness asks for the recording to compare before/after a codemod step.
    const out = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.CLIENT_RECORD_OUT;
    if (out) writeFileSync(out, JSON.stringify(recorded, null, 2));
    expect(recorded).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });

  it('retries a failed send and reports refused purchases', async () => {
    const [battle, , shop, admin] = await recordAll();
    expect(battle!.sent.filter((m) => m.Tags[0]!.value === 'BATTLE_START')).toHaveLength(2);
    expect(battle!.result).toMatchObject({ battleId: 'b-42', turns: 2 });
    expect(shop!.result).toEqual({ bought: 3, failed: ['masterball:INSUFFICIENT_FUNDS'] });
    expect(admin!.result).toMatchObject({ security: false, battle: true });
  });
});
