// Pokémon script: creates Pokémon for the player's party and reads the party back. This file
// uses CRLF line ends (written on Windows): the codemods must keep them.
import { buildTags, tagValue } from '@client/lib/tags.js';
import { parseReply } from '../lib/helpers.js';
import { resolveProcessId } from '../lib/process-ids.js';
import type { ClientConfig, PokemonSpec } from '../lib/types.js';
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

export async function run(transport: Transport, config: ClientConfig, party: PokemonSpec[] = []): Promise<string[]> {
  const target = resolveProcessId(config, 'pokemon');
  const created: string[] = [];
  for (const spec of party) {
    const tags = buildTags('CREATE_POKEMON', { Player: config.player, 'Species-Id': spec.speciesId });
    const reply = await retryWithBackoff(() => transport.send({ Target: target, Tags: tags, Data: JSON.stringify(spec) }), config.retries);
    const parsed = parseReply<{ pokemonId?: string }>(reply);
    if (parsed.ok && parsed.data.pokemonId) created.push(parsed.data.pokemonId);
    else created.push(tagValue(tags, 'Species-Id') ?? '?');
  }
  await retryWithBackoff(() => transport.send({ Target: target, Tags: buildTags('GET_PARTY', { Player: config.player }) }), config.retries);
  return created;
}
