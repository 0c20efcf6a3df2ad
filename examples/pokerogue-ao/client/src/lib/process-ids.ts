// Process-id config: the AO process ids of the six processes (test-net values; a
// ClientConfig can override any of them).
import type { ClientConfig, ProcessName } from './types.js';

const processIds: Record<ProcessName, string> = {
  coordinator: 'COORDINATOR-PROCESS-0000000000000000000000000',
  battle: 'BATTLE-PROCESS-00000000000000000000000000000',
  pokemon: 'POKEMON-PROCESS-0000000000000000000000000000',
  economy: 'ECONOMY-PROCESS-0000000000000000000000000000',
  security: 'SECURITY-PROCESS-000000000000000000000000000',
  admin: 'ADMIN-PROCESS-000000000000000000000000000000',
};

export function resolveProcessId(config: ClientConfig, name: ProcessName): string {
  return config.processIds?.[name] ?? processIds[name];
}

export default processIds;
