// The `migrate` entry: parses the command line (./program.ts, commander), runs the one command
// it names (loaded lazily from ./commandTable.ts), and turns errors into messages and exit
// codes. Under --json an error is JSON on stdout ({error: {code, message, location, hint}}),
// exit 2, so scripts read one stream.
import type { CommandIO } from './command.ts';
import { isMigrateError, MigrateError } from '../errors.ts';
import { parseCommandLine } from './program.ts';
import { findCommand } from './commandTable.ts';
import { createProgress } from './progress.ts';
import { toolkitVersion } from '../toolkitRoot.ts';
import { errorJson } from './jsonError.ts';

export function defaultIO(argv: string[]): CommandIO {
  const noColor = argv.includes('--no-color') || process.env.NO_COLOR !== undefined || process.env.FORCE_COLOR === '0';
  const isTTY = Boolean(process.stdout.isTTY && process.stdin.isTTY);
  const quiet = argv.includes('--quiet') || argv.includes('-q');
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    color: !noColor && Boolean(process.stdout.isTTY),
    isTTY,
    cwd: process.cwd(),
    env: process.env,
    progress: createProgress({
      write: (t) => process.stderr.write(t),
      tty: Boolean(process.stderr.isTTY) && !process.env.CI,
      quiet,
      columns: process.stderr.columns,
    }),
  };
}

/** No arguments and `help` are `--help`; `help <command>` is `<command> --help` (an unknown one is reported as such). */
function normalise(argv: string[]): string[] {
  if (argv.length === 0) return ['--help'];
  if (argv[0] !== 'help') return argv;
  if (!argv[1]) return ['--help'];
  return findCommand(argv[1]) ? [argv[1], '--help'] : [argv[1]];
}

export async function main(argv: string[], io: CommandIO = defaultIO(argv)): Promise<number> {
  const json = argv.includes('--json');
  try {
    const parsed = await parseCommandLine(normalise(argv), io, toolkitVersion());
    if (!parsed) return 0;
    if (parsed.args.values.quiet && io.progress) io = { ...io, progress: undefined };
    return await parsed.spec.run(parsed.args, io);
  } catch (e) {
    const err = isMigrateError(e)
      ? e
      : new MigrateError('INTERNAL', (e as Error)?.stack ?? String(e), { hint: 'this is a bug in migrate: please report it with the command line' });
    if (json) io.out(JSON.stringify(errorJson(err), null, 2));
    else io.err(err.code === 'INTERNAL' ? `INTERNAL ${err.message}` : err.format());
    return err.exitCode;
  }
}
