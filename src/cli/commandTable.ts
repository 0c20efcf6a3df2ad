// The list of commands, in workflow order: name, the one-line summary `migrate --help` prints,
// and a lazy import of the command's module. `--help` and the "did you mean" suggestions need
// only this table, and running a command imports that command's module alone (start-up is
// what users feel on every call). test/cli/commandTable.test.ts checks that every file of
// ./commands is listed here and that each summary is the one its module declares.
import type { CommandSpec } from './command.ts';

export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<{ command: CommandSpec }>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'init',
    summary: 'Detect the source root and the process entries of a Lua project and write migrate.config.json.',
    load: () => import('./commands/init.ts'),
  },
  {
    name: 'audit',
    summary: 'Require graph, duplicates and bundle sizes of the Lua processes; writes reports/audit.json and audit.html.',
    load: () => import('./commands/audit.ts'),
  },
  { name: 'plan', summary: 'Plan the migration epic (stories 36.1-36.6) into migration-plans/<name>.plan.json.', load: () => import('./commands/plan.ts') },
  {
    name: 'status',
    summary: 'Show every plan step with its state (pending, applied, skipped, drifted) and size impact.',
    load: () => import('./commands/status.ts'),
  },
  {
    name: 'next-step',
    summary: 'Walk through the plan interactively, one key per action: apply, skip, diff, apply the rest, back.',
    load: () => import('./commands/next-step.ts'),
  },
  {
    name: 'decide',
    summary: 'Take a decision step non-interactively: pick a variant or keep near-duplicates apart.',
    load: () => import('./commands/decide.ts'),
  },
  {
    name: 'dry-run',
    summary: 'Show the diff a step (or every pending step) would make, without writing anything.',
    load: () => import('./commands/dry-run.ts'),
  },
  { name: 'apply', summary: 'Apply one plan step (or every pending step with --all), atomically and journalled.', load: () => import('./commands/apply.ts') },
  { name: 'revert', summary: 'Revert an applied step (byte-exact), or every step after a given one with --to.', load: () => import('./commands/revert.ts') },
  {
    name: 'rollback',
    summary: 'Revert every applied step back to the monolith and prove each file is byte-identical to before.',
    load: () => import('./commands/rollback.ts'),
  },
  {
    name: 'recover',
    summary: 'Bring an interrupted apply or revert back to a whole state (before or after the step).',
    load: () => import('./commands/recover.ts'),
  },
  {
    name: 'bundle',
    summary: 'Build the processes: a monolith per process, or a shared runtime + shells (federated / hybrid).',
    load: () => import('./commands/bundle.ts'),
  },
  {
    name: 'size',
    summary: 'Bundle sizes per process (monolith, federated shell, hybrid shell) and the runtime, against budgets.',
    load: () => import('./commands/size.ts'),
  },
  {
    name: 'verify',
    summary: 'Replay traces on the real aos runtime and compare the current builds with the baseline monolith.',
    load: () => import('./commands/verify.ts'),
  },
  {
    name: 'trace',
    summary: 'Record a trace from the monolith (trace record), synthesise probe traces (trace probe) or validate trace files (trace check).',
    load: () => import('./commands/trace.ts'),
  },
  {
    name: 'bench-runtime',
    summary: 'Measure messages/s, p50/p95, boot time and memory of federated vs monolith builds on aos.',
    load: () => import('./commands/bench-runtime.ts'),
  },
  {
    name: 'demo',
    summary: 'Run the whole migration on a scratch copy of the embedded example: audit, plan, dry run, apply, sizes, verify on aos, rollback.',
    load: () => import('./commands/demo.ts'),
  },
];

export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name);
}
