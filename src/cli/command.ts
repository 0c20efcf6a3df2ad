// A command is a plain object discovered from src/cli/commands/*.ts (no hand-kept list):
// each file exports `command: CommandSpec`. Commands print through `io` only, return an
// exit code (0 ok, 1 findings/differences, 2 error) and never call process.exit.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  /** true when stdout is a TTY and colour is allowed (NO_COLOR / --no-color honoured). */
  color: boolean;
  isTTY: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
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
  help: { type: 'boolean', short: 'h' },
};

export function parseCommandArgs(spec: CommandSpec, argv: string[]): ParsedArgs {
  const parsed = parseArgs({
    args: argv,
    options: { ...commonOptions, ...spec.options },
    allowPositionals: true,
    strict: true,
  });
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
}
