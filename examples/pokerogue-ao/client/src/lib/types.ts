// Shapes of the Data payloads the processes accept (type-only: erased at run time).
export type ProcessName = 'coordinator' | 'battle' | 'pokemon' | 'economy' | 'security' | 'admin';

export interface ClientConfig {
  player: string;
  sessionId: string;
  /** Overrides of the process ids, e.g. for a test net. */
  processIds?: Partial<Record<ProcessName, string>>;
  retries?: number;
}

export type BattleCommand =
  | { kind: 'move'; slot: number; target: number }
  | { kind: 'switch'; partyIndex: number }
  | { kind: 'item'; itemId: string; target: number };

export interface PokemonSpec {
  speciesId: number;
  level: number;
  nature: string;
  nickname?: string;
}

export interface ParsedReply<T> {
  action: string;
  ok: boolean;
  data: T;
  error?: string;
}
