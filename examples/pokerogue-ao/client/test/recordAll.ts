// Runs every entry script against fake transports with fixed inputs and returns what each
// sent. The test compares it with expected-messages.json; the toolkit's harness also
// compares it before and after each codemod step (it must be identical).
import { FakeTransport, okResponder, type Responder } from '../src/transport/fake.js';
import type { OutgoingMessage } from '../src/transport/types.js';
import type { ClientConfig } from '../src/lib/types.js';
import { run as runBattle } from '../src/scripts/battle.js';
import { run as runPokemon } from '../src/scripts/pokemon.js';
import { run as runShop } from '../src/scripts/shop.js';
import { run as runAdmin } from '../src/scripts/admin.js';

export const config: ClientConfig = { player: 'ash', sessionId: 'session-1', processIds: { admin: 'ADMIN-TESTNET' }, retries: 2 };

const tag = (m: OutgoingMessage, name: string) => m.Tags.find((t) => t.name === name)?.value;

/** Fails the first BATTLE_START (exercises retry), refuses the master ball, answers ids. */
export const responder: Responder = (m, attempt) => {
  const action = tag(m, 'Action');
  if (action === 'BATTLE_START' && attempt === 1) return new Error('timeout');
  if (action === 'BATTLE_START') return { Tags: { Action: 'BATTLE_STARTED' }, Data: JSON.stringify({ ok: true, battleId: 'b-42' }) };
  if (action === 'CREATE_POKEMON') return { Tags: { Action: 'POKEMON_CREATED' }, Data: JSON.stringify({ ok: true, pokemonId: `p-${tag(m, 'Species-Id')}` }) };
  if (action === 'SHOP_PURCHASE' && tag(m, 'Item-Id') === 'masterball') return { Tags: { Action: 'ERROR' }, Data: JSON.stringify({ error: 'INSUFFICIENT_FUNDS' }) };
  if (action === 'GET_BALANCE') return { Tags: { Action: 'BALANCE' }, Data: JSON.stringify({ balance: 1200 }) };
  if (action === 'HEALTH_CHECK' && m.Target.startsWith('SECURITY')) return { Tags: { Action: 'HEALTH' }, Data: 'not json' };
  return okResponder(m, attempt);
};

export interface Recording {
  script: string;
  result: unknown;
  sent: OutgoingMessage[];
}

export async function recordAll(): Promise<Recording[]> {
  const out: Recording[] = [];
  const record = async (script: string, go: (t: FakeTransport) => Promise<unknown>) => {
    const t = new FakeTransport(responder);
    out.push({ script, result: await go(t), sent: t.sent });
  };
  await record('battle', (t) => runBattle(t, config, [{ kind: 'move', slot: 0, target: 1 }, { kind: 'switch', partyIndex: 2 }]));
  await record('pokemon', (t) => runPokemon(t, config, [{ speciesId: 25, level: 5, nature: 'jolly' }, { speciesId: 1, level: 5, nature: 'modest', nickname: 'Bulby' }]));
  await record('shop', (t) => runShop(t, config, [{ itemId: 'potion', quantity: 3 }, { itemId: 'masterball', quantity: 1 }]));
  await record('admin', (t) => runAdmin(t, config));
  return out;
}
