// Admin script: health and status of every process, and the process list from the coordinator.
import { buildTags, parseReply } from '../lib/helpers.js';
import { resolveProcessId } from '../lib/process-ids.js';
import type { ClientConfig, ProcessName } from '@client/lib/types.js';
import type { Transport } from '../transport/types.js';

const PROCESSES: ProcessName[] = ['coordinator', 'battle', 'pokemon', 'economy', 'security', 'admin'];

/** The client label sent with every message (near-duplicate of shop's: one literal differs). */
function clientLabel(player: string): string {
  return `pokerogue-admin/${player}`;
}

export async function run(transport: Transport, config: ClientConfig): Promise<Record<string, boolean>> {
  const healthy: Record<string, boolean> = {};
  const label = clientLabel(config.player);
  for (const name of PROCESSES) {
    const reply = await transport.send({ Target: resolveProcessId(config, name), Tags: buildTags('HEALTH_CHECK', { 'Client-Label': label }) });
    healthy[name] = parseReply(reply).ok;
  }
  await transport.send({
    Target: resolveProcessId(config, 'admin'),
    Tags: buildTags('ADMIN_STATUS', { 'Client-Label': label, Player: config.player }),
    Data: JSON.stringify({ include: ['memory', 'handlers'] }),
  });
  await transport.send({ Target: resolveProcessId(config, 'coordinator'), Tags: buildTags('PROCESS_LIST', { 'Client-Label': label }) });
  return healthy;
}
