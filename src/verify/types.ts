// Shapes shared by the verification modules: the bundler's output as verify reads it, and the
// per-message answer that parity compares.
import type { BuildFile as BundleFile } from '../bundle/builds.ts';

export type { BuildFileKind, BuildMode } from '../bundle/builds.ts';

/** One file of a build as verify keeps it (a stored baseline does not list its modules). */
export type BuildFile = Omit<BundleFile, 'modules'>;

/** Verify reports modes in this order: the baseline's own mode first, the furthest last. */
export const BUILD_MODES = ['monolith', 'hybrid', 'federated'] as const;

/** The part of a build verify reads (`buildProject` in src/bundle returns more). */
export interface BuildOutput {
  files: BuildFile[];
}

/** An outbox message reduced to what parity compares. */
export interface NormalisedMessage {
  Target: string;
  /** Tags sorted by name (aos builds tags with `pairs`, whose order differs between builds). */
  Tags: [string, string][];
  /** JSON data re-encoded with sorted keys; other data as-is. */
  Data: string;
}

/** What one process answered to one message. */
export interface Answer {
  messages: NormalisedMessage[];
  /** Printed output, ANSI colours removed. */
  output: string;
  /** Error text with chunk names / line numbers removed (they differ between builds), or null. */
  error: string | null;
  /** The raw error as aos reported it (ANSI removed), for the report. */
  rawError: string | null;
  spawns: number;
  /** Loader diagnostics (`FED-WARN ...` lines) taken out of the output: reported, not compared. */
  warnings: string[];
}

/** The state snapshot read through Eval after a replay. */
export interface StateSnapshot {
  handlers: string[];
  /** Global name -> canonical serialisation of its value. */
  globals: Record<string, string>;
  /** `collectgarbage('count')` in KiB: reported, not compared strictly. */
  memoryKiB: number;
}
