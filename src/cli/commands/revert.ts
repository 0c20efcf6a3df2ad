// `migrate revert <step>` restores the step's files byte-for-byte from the journal;
// `migrate revert --to <step>` reverts every step applied after <step> (it stays applied).
import { progressOf, type CommandSpec } from '../command.ts';
import { MigrateError } from '../../errors.ts';
import { revertStep, revertTo } from '../../engine/engine.ts';
import { colorsOf, planName, planOption, projectOf } from '../commandSupport.ts';

export const command: CommandSpec = {
  name: 'revert',
  summary: 'Revert an applied step (byte-exact), or every step after a given one with --to.',
  usage: [
    'Usage: migrate revert <step> | --to <step> [--plan <name>] [--json]',
    '',
    '  <step>       restore the files of this step (they must be as the step left them)',
    '  --to <step>  revert every step applied after <step>, newest first; <step> stays applied',
    'Exit codes: 0 reverted, 2 error (not applied, files changed since, unknown step).',
  ].join('\n'),
  options: { ...planOption, to: { type: 'string' } },
  async run(args, io) {
    const project = projectOf(args, io);
    const opts = { plan: planName(args), progress: progressOf(io) };
    let reverted: string[];
    if (typeof args.values.to === 'string') reverted = (await revertTo(project, args.values.to, opts)).reverted;
    else if (args.positionals.length === 1) reverted = (await revertStep(project, args.positionals[0]!, opts)).reverted;
    else throw new MigrateError('CLI-032', 'revert needs one step id or --to <step>', { hint: "run 'migrate status' for the applied steps" });
    if (args.values.json) io.out(JSON.stringify({ reverted }));
    else {
      const c = colorsOf(io, args);
      io.out(reverted.length ? reverted.map((id) => `${c.green('reverted')} ${id}`).join('\n') : 'nothing to revert');
    }
    return 0;
  },
};
