// `migrate size`: federated and hybrid shells per process against the ORIGINAL monolith (the
// baseline of .migrate/baseline when a step ran, else the current sources), the floor and
// shell ÷ floor, the runtime; against the targets and the config budgets (raw bytes); exit 1
// when a budget is exceeded.
import { progressOf, type CommandSpec } from '../command.ts';
import { loadProject } from '../../config/loadProject.ts';
import { DiskWorkspace } from '../../stage/workspace.ts';
import { sizeReport } from '../../bundle/index.ts';
import { renderSizeReport } from '../../bundle/size.ts';
import { sizeJson } from '../jsonOutput.ts';
import { readBaseline } from '../../verify/baseline.ts';

export const command: CommandSpec = {
  name: 'size',
  summary: 'Bundle sizes per process (monolith, federated shell, hybrid shell) and the runtime, against budgets.',
  usage: [
    'Usage: migrate size [--minify] [--json]',
    '',
    'Builds all three modes in memory (nothing is written) and prints, per process, the original',
    'monolith (the baseline taken before the first step, or the current sources when no step ran),',
    'the federated shell (raw, gzip, % of the original), its floor (process-only code: entry +',
    'modules no other process reaches, + the bootstrap) and shell/floor, the hybrid shell; then the',
    'runtime, against the targets (runtime ~500 KB, shells ~150 KB) and the config budgets',
    '(budgets.runtimeBytes, budgets.shellBytes), which always apply to raw bytes, as in audit and plan.',
    '--minify shows minified sizes (the original minified the same way); budgets stay raw.',
    '--json prints { original, budgetMeasure, runtimeBytes, processes: [{ process, originalBytes, shellBytes, floorBytes, shellToFloor, ... }], totals, budgetBreaches } (docs/json.md).',
    'Exit codes: 0 within budget, 1 a budget is exceeded, 2 error.',
  ].join('\n'),
  options: {
    minify: { type: 'boolean' },
  },
  async run(args, io) {
    const v = args.values;
    const project = loadProject({ project: v.project as string | undefined, cwd: io.cwd, example: v.example === true });
    const baseline = readBaseline(project);
    const original = baseline ? new Map(baseline.build.files.map((f) => [f.process!, f.content])) : undefined;
    const report = sizeReport(project, new DiskWorkspace(project.root), { minify: Boolean(v.minify), original, progress: progressOf(io) });
    io.out(v.json ? JSON.stringify(sizeJson(report), null, 2) : renderSizeReport(report));
    return report.overBudget.length ? 1 : 0;
  },
};
