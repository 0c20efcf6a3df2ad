// Shop script: checks the balance, buys items and activates a berry (economy process).
import * as tags from '../lib/tags.js';
import { parseReply } from '../lib/reply.js';
import { resolveProcessId } from '@client/lib/process-ids.js';
import type { ClientConfig } from '../lib/types.js';
import type { Transport } from '../transport/types.js';

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

/** The client label sent with every message (near-duplicate of admin's: one literal differs). */
function clientLabel(player: string): string {
  return `pokerogue-shop/${player}`;
}

export interface Purchase {
  itemId: string;
  quantity: number;
}

export async function run(transport: Transport, config: ClientConfig, purchases: Purchase[] = []): Promise<{ bought: number; failed: string[] }> {
  const target = resolveProcessId(config, 'economy');
  const label = clientLabel(config.player);
  const balance = parseReply<{ balance: number }>(
    await retryWithBackoff(() => transport.send({ Target: target, Tags: tags.buildTags('GET_BALANCE', { Player: config.player, 'Client-Label': label }) }), config.retries),
  );
  let bought = 0;
  const failed: string[] = [];
  for (const p of purchases) {
    const reply = parseReply(
      await retryWithBackoff(
        () => transport.send({ Target: target, Tags: tags.buildTags('SHOP_PURCHASE', { Player: config.player, 'Client-Label': label, 'Item-Id': p.itemId }), Data: JSON.stringify({ ...p, knownBalance: balance.data?.balance ?? 0 }) }),
        config.retries,
      ),
    );
    if (reply.ok) bought += p.quantity;
    else failed.push(`${p.itemId}:${reply.error ?? 'UNKNOWN'}`);
  }
  await transport.send({ Target: target, Tags: tags.buildTags('ACTIVATE_BERRY', { Player: config.player, 'Berry-Id': 'oran' }) });
  return { bought, failed };
}
