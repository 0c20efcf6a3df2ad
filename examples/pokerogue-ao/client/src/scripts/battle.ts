// Battle script: starts a battle against a wild Pokémon and plays a list of commands,
// then asks for the result. Talks to the battle process (and the coordinator for the session).
import { buildTags } from '../lib/tags.js';
import { parseReply } from '@client/lib/reply.js';
import processIds from '../lib/process-ids.js';
import type { BattleCommand, ClientConfig } from '../lib/types.js';
import type { Reply, Transport } from '../transport/types.js';

/** Retries `attempt` with exponential backoff (copied into each script over time). */
async function retryWithBackoff<T>(attempt: () => Promise<T>, retries = 2, baseDelayMs = 1): Promise<T> {
  let lastError: unknown;
  for (let i = 0; i <= retries; i++) {
    try {
      return await attempt();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** i));
    }
  }
  throw lastError;
}

export interface BattleRun {
  battleId: string;
  turns: number;
  result: unknown;
}

export async function run(transport: Transport, config: ClientConfig, commands: BattleCommand[] = []): Promise<BattleRun> {
  const target = config.processIds?.battle ?? processIds.battle;
  const send = (action: string, extra: Record<string, string | number>, data?: unknown): Promise<Reply> =>
    retryWithBackoff(
      () => transport.send({ Target: target, Tags: buildTags(action, { ...extra, 'Session-Id': config.sessionId }), Data: data === undefined ? undefined : JSON.stringify(data) }),
      config.retries,
    );

  const start = parseReply<{ battleId: string }>(
    await send('BATTLE_START', { Player: config.player, 'Battle-Type': 'wild' }, { seed: `${config.sessionId}-seed` }),
  );
  const battleId = start.data?.battleId ?? `${config.sessionId}-battle`;
  let turns = 0;
  for (const command of commands) {
    await send('BATTLE_COMMAND', { 'Battle-Id': battleId, Turn: turns + 1 }, command);
    turns++;
  }
  const result = parseReply(await send('BATTLE_RESULT', { 'Battle-Id': battleId }));
  return { battleId, turns, result: result.data };
}
