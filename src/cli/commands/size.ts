// `migrate size`: monolith vs federated shell vs hybrid shell per process, the runtime, raw and
// gzip, against the owner's targets and the config budgets; exit 1 when a budget is exceeded.
import { progressOf, type CommandSpec } from '../command.ts';
import { loadProject } from '../../config/loadProject.ts';
import { DiskWorkspace } from '../../stage/workspace.ts';
import { sizeReport } from '../../bundle/index.ts';
import { renderSizeReport } from '../../bundle/size.ts';
import { sizeJson } from '../jsonOutput.ts';

export const command: CommandSpec = {
  name: 'size',
  summary: 'Bundle sizes per process (monolith, federated shell, hybrid shell) and the runtime, against budgets.',
  usage: [
    'Usage: migrate size [--minify] [--json]',
    '',
    'Builds all three modes in memory (nothing is written) and prints raw and gzip bytes, the',
    'reduction of each shell against the monolith, and the runtime, against the targets (runtime',
    '~500 KB, shells ~150 KB) and the config budgets (budgets.runtimeBytes, budgets.shellBytes).',
    '--json prints { runtimeBytes, runtimeGzip, processes: [{ process, monolithBytes, shellBytes, hybridBytes, ... }], budgetBreaches } (docs/json.md).',
    'Exit codes: 0 within budget, 1 a budget is exceeded, 2 error.',
  ].join('\n'),
  options: {
    minify: { type: 'boolean' },
  },
  async run(args, io) {
    const v = args.values;
    const project = loadProject({ project: v.project as string | undefined, cwd: io.cwd, example: v.example === true });
    const report = sizeReport(project, new DiskWorkspace(project.root), { minify: Boolean(v.minify), progress: progressOf(io) });
    io.out(v.json ? JSON.stringify(sizeJson(report), null, 2) : renderSizeReport(report));
    return report.overBudget.length ? 1 : 0;
  },
};
