// The `migrate` entry: finds the command, parses its flags, turns errors into messages and
// exit codes. Commands are discovered from ./commands so adding one touches one file.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCommandArgs, type CommandIO, type CommandSpec } from './command.ts';
import { isMigrateError } from '../errors.ts';

const commandsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'commands');

export async function loadCommands(): Promise<Map<string, CommandSpec>> {
  const files = (await readdir(commandsDir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  const commands = new Map<string, CommandSpec>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(commandsDir, file)).href)) as { command?: CommandSpec };
    if (mod.command) commands.set(mod.command.name, mod.command);
  }
  return commands;
}

export function defaultIO(argv: string[]): CommandIO {
  const noColor = argv.includes('--no-color') || process.env.NO_COLOR !== undefined || process.env.FORCE_COLOR === '0';
  const isTTY = Boolean(process.stdout.isTTY && process.stdin.isTTY);
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    color: !noColor && Boolean(process.stdout.isTTY),
    isTTY,
    cwd: process.cwd(),
    env: process.env,
  };
}

function helpText(commands: Map<string, CommandSpec>): string {
  const width = Math.max(...[...commands.keys()].map((n) => n.length));
  const lines = [...commands.values()].map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'migrate: move an AO (aos, Lua 5.3) multi-process code base to a shared runtime with module federation.',
    '',
    'Usage: migrate <command> [options]   (migrate <command> --help for its options)',
    '',
    'Commands:',
    ...lines,
    '',
    'Common options: --project <dir>  --example  --json  --no-color  --help',
    'The project: --project <dir>, else the nearest migrate.config.json from here upward (none: run migrate init).',
    'Exit codes: 0 ok, 1 findings/differences/budget exceeded, 2 error.',
  ].join('\n');
}

export async function main(argv: string[], io: CommandIO = defaultIO(argv)): Promise<number> {
  const commands = await loadCommands();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText(commands));
    return 0;
  }
  if (name === '--version') {
    io.out('0.1.0');
    return 0;
  }
  const spec = commands.get(name);
  if (!spec) {
    io.err(`CLI-001 unknown command '${name}'\n  hint: run 'migrate --help' for the list of commands`);
    return 2;
  }
  try {
    const args = parseCommandArgs(spec, rest);
    if (args.values.help) {
      io.out(`${spec.summary}\n\n${spec.usage}`);
      return 0;
    }
    return await spec.run(args, io);
  } catch (e) {
    if (isMigrateError(e)) {
      io.err(e.format());
      return e.exitCode;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`CLI-002 ${err.message}\n  hint: run 'migrate ${name} --help'`);
      return 2;
    }
    io.err(`INTERNAL ${err?.stack ?? String(e)}`);
    return 2;
  }
}
