// A command is a plain object in src/cli/commands/<name>.ts, listed with a lazy import in
// ./commandTable.ts: each file exports `command: CommandSpec`. Options use node:util
// parseArgs' shape ({type, short, multiple}); ./program.ts turns them into commander options.
// Commands print through `io` only, return an exit code (0 ok, 1 findings/differences,
// 2 error) and never call process.exit.
import type { TransformRegistry } from '../transform/registry.ts';
import type { ParseArgsConfig } from 'node:util';
import { noProgress, type Progress } from '../progress.ts';

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  /** true when stdout is a TTY and colour is allowed (NO_COLOR / --no-color honoured). */
  color: boolean;
  isTTY: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * Progress of long work on stderr (a bar on a terminal, periodic lines in CI logs, nothing
   * under --quiet). Set by the CLI entry; absent when a caller runs commands in-process
   * without one (tests): use `progressOf(io)`.
   */
  progress?: Progress;
  /** The transforms plans may name (default: the toolkit's own; tests pass theirs). */
  transforms?: TransformRegistry;
}

/** The command's progress reporter, or one that shows nothing. */
export function progressOf(io: CommandIO): Progress {
  return io.progress ?? noProgress;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export interface CommandSpec {
  name: string;
  /** One line, shown by `migrate --help`. */
  summary: string;
  /** Usage text shown by `migrate <name> --help`. */
  usage: string;
  options: OptionSpec;
  run(args: ParsedArgs, io: CommandIO): Promise<number>;
}

/** Options every command accepts. */
export const commonOptions: OptionSpec = {
  project: { type: 'string' },
  /** Work on the embedded example (never used without this flag; `migrate demo` copies it). */
  example: { type: 'boolean' },
  json: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
};
