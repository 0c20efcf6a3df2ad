// The commander program behind `migrate`: every command of the table is registered by name and
// summary (that is all `--help` and the "did you mean" suggestions need); only the command being
// run is loaded and given its options, typed from its CommandSpec. Commander's own errors
// (unknown command or option, missing option value) come back as MigrateError CLI-001/CLI-002
// with its suggestion, never as Node's parseArgs text.
import { Command, CommanderError, Option } from 'commander';
import { MigrateError } from '../errors.ts';
import { COMMANDS, findCommand } from './commandTable.ts';
import { commonOptions, type CommandIO, type CommandSpec, type OptionSpec, type ParsedArgs } from './command.ts';

export const EPILOGUE = [
  'Common options: --project <dir>  --example  --json  --quiet  --no-color  --help',
  'The project: --project <dir>, else the nearest migrate.config.json from here upward (none: run migrate init).',
  'Exit codes: 0 ok, 1 findings/differences/budget exceeded, 2 error.',
  "Run 'migrate help <command>' (or 'migrate <command> --help') for a command's options.",
].join('\n');

const TOP = 'migrate: move an AO (aos, Lua 5.3) multi-process code base to a shared runtime with module federation.';

/** What a string option's value is, for the generated help (`--project <dir>`). */
const VALUE_NAMES: Record<string, string> = {
  project: 'dir',
  out: 'dir',
  dir: 'dir',
  plan: 'name',
  name: 'name',
  process: 'name',
  to: 'step',
  patch: 'file',
  trace: 'file',
  scenario: 'name|file',
  mode: 'mode',
  modes: 'list',
  jobs: 'n',
  players: 'n',
  messages: 'n',
};

/** The options every command has, described once (the others are described in each usage). */
const COMMON_HELP: Record<string, string> = {
  project: 'the project folder (holding migrate.config.json); default: the nearest one from the current folder upward',
  example: 'work on the embedded example (never used without this flag)',
  json: 'print JSON on stdout (docs/json.md); errors too',
  'no-color': 'no colours (also NO_COLOR)',
  quiet: 'no progress on stderr',
};

function optionFor(name: string, o: OptionSpec[string]): Option {
  const flags = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` <${VALUE_NAMES[name] ?? 'value'}>` : ''}`;
  const opt = new Option(flags, COMMON_HELP[name] ?? '');
  if (o.multiple && o.type === 'string') opt.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
  return opt;
}

/** Commander's parsed values back in parseArgs' shape (`'allow-dirty': true`, `'no-ts': true`). */
function valuesOf(cmd: Command, options: OptionSpec): ParsedArgs['values'] {
  const raw = cmd.opts<Record<string, unknown>>();
  const values: ParsedArgs['values'] = {};
  for (const opt of cmd.options) {
    const name = opt.long!.slice(2);
    if (!(name in options)) continue;
    const v = raw[opt.attributeName()];
    // `--no-x` alone is negatable in commander (x: true by default, false when given).
    if (opt.negate) values[name] = v === false ? true : undefined;
    else if (v !== undefined) values[name] = v as ParsedArgs['values'][string];
  }
  return values;
}

function helpFor(spec: CommandSpec, cmd: Command): string {
  const width = Math.max(...cmd.options.map((o) => o.flags.length));
  const rows = cmd.options.map((o) => `  ${o.flags.padEnd(width)}  ${o.description}`.trimEnd());
  return [spec.summary, '', spec.usage, '', 'Options:', ...rows, '', EPILOGUE].join('\n');
}

/** Parses argv for the command it names; prints help/version itself (returns args null). */
export async function parseCommandLine(argv: string[], io: CommandIO, version: string): Promise<{ spec: CommandSpec; args: ParsedArgs } | null> {
  const spec =
    argv[0] && !argv[0].startsWith('-')
      ? await findCommand(argv[0])
          ?.load()
          .then((m) => m.command)
      : undefined;
  const program = new Command('migrate')
    .description(TOP)
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (t) => io.out(t.trimEnd()), writeErr: () => undefined, outputError: () => undefined })
    .version(version, '-v, --version', 'print the version')
    .addHelpText('after', `\n${EPILOGUE}`)
    .helpCommand(false);
  const outcome: { args: ParsedArgs | null } = { args: null }; // set by the command's action
  for (const entry of COMMANDS) {
    const cmd = program.command(entry.name).summary(entry.summary).description(entry.summary).helpOption('-h, --help');
    if (entry.name !== spec?.name) continue;
    const options = { ...commonOptions, ...spec.options };
    for (const [name, o] of Object.entries(options)) if (name !== 'help') cmd.addOption(optionFor(name, o));
    cmd.argument('[args...]').configureHelp({ formatHelp: () => `${helpFor(spec, cmd)}\n` });
    cmd.action((positionals: string[]) => {
      outcome.args = { values: valuesOf(cmd, options), positionals };
    });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    if (e.exitCode === 0) return null; // help or version printed
    throw toMigrateError(e, spec?.name);
  }
  if (!outcome.args || !spec) {
    io.out(program.helpInformation().trimEnd());
    return null;
  }
  return { spec, args: outcome.args };
}

function toMigrateError(e: CommanderError, command: string | undefined): MigrateError {
  // commander's text: "error: unknown option '--x'\n(Did you mean --y?)"
  const [first, ...rest] = e.message.replace(/^error: /, '').split('\n');
  const suggestion = rest
    .join(' ')
    .replace(/^\((.*)\)$/, '$1')
    .trim()
    .replace(/^Did you mean (\S+)\?$/, "did you mean '$1'?");
  const hint = [suggestion, command ? `run 'migrate help ${command}' for its options` : "run 'migrate --help' for the list of commands"]
    .filter(Boolean)
    .join(' ');
  const code = e.code === 'commander.unknownCommand' ? 'CLI-001' : 'CLI-002';
  return new MigrateError(code, first ?? e.message, { hint });
}
