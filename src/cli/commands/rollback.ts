// `migrate rollback [--yes]`: reverts every applied step newest first, back to the monolith,
// then checks every project file against .migrate/baseline.json. Exit 0 only when identical.
import { confirm } from '@inquirer/prompts';
import { progressOf, type CommandSpec } from '../command.ts';
import { MigrateError } from '../../errors.ts';
import { rollback } from '../../engine/engine.ts';
import { readJournal } from '../../engine/journal.ts';
import { verifyRollback } from '../../verify/rollback.ts';
import { colorsOf, planName, planOption, projectOf } from '../commandSupport.ts';

export const command: CommandSpec = {
  name: 'rollback',
  summary: 'Revert every applied step back to the monolith and prove each file is byte-identical to before.',
  usage: [
    'Usage: migrate rollback [--yes] [--verify] [--json] [--project <dir>]',
    '',
    '  --yes      do not ask (needed without a terminal: scripts, CI)',
    '  --verify   then rebuild the monolith bundles, check them byte-identical to the baseline ones',
    '             built before the first step, and replay every trace on aos against them',
    'Exit codes: 0 every file identical to the baseline (and, with --verify, bundles and behaviour),',
    '1 reverted but files, bundles or answers differ (listed), 2 error.',
  ].join('\n'),
  options: { ...planOption, yes: { type: 'boolean', short: 'y' }, verify: { type: 'boolean' } },
  async run(args, io) {
    const project = projectOf(args, io);
    const applied = readJournal(project.root).entries.length;
    if (!args.values.yes) {
      if (!io.isTTY) throw new MigrateError('CLI-033', 'rollback reverts every applied step; confirm with --yes', { hint: 'migrate rollback --yes' });
      if (!(await confirm({ message: `Revert all ${applied} applied step(s)?`, default: false }))) {
        io.out('rollback cancelled');
        return 0;
      }
    }
    const r = await rollback(project, { plan: planName(args), progress: progressOf(io) });
    const proof = args.values.verify && r.identical ? await verifyRollback(project) : undefined;
    const ok = r.identical && (proof?.identical ?? true);
    if (args.values.json) {
      io.out(JSON.stringify({ ...r, verify: proof }, null, 2));
      return ok ? 0 : 1;
    }
    const c = colorsOf(io, args);
    const lines = [`reverted ${r.reverted.length} step(s)`];
    if (!r.hasBaseline) lines.push('no baseline.json (no step was ever applied): nothing to compare');
    else if (r.identical) lines.push(c.green('every file is byte-identical to the baseline taken before the first step'));
    else {
      lines.push(c.red(`${r.mismatches.length} file(s) differ from the baseline:`));
      for (const m of r.mismatches) lines.push(`  ${m}`);
    }
    if (proof)
      lines.push(
        proof.report.trimEnd(),
        proof.identical ? c.green('rollback verified: bundles byte-identical, every trace answered as before') : c.red('rollback verification failed'),
      );
    io.out(lines.join('\n'));
    return ok ? 0 : 1;
  },
};
