// `migrate plan`: plans the whole epic (stories 36.1-36.6) for the project and writes it to
// migration-plans/<name>.plan.json; prints steps per story, decisions, projected sizes and
// budget breaches. Exit 1 when the projected sizes break a budget, 0 otherwise.
import path from 'node:path';
import { progressOf, type CommandSpec } from '../command.ts';
import { loadProject } from '../../config/loadProject.ts';
import { MigrateError } from '../../errors.ts';
import { planEpic, summarisePlan } from '../../plan/epicPlanner.ts';
import { PLAN_DIR, savePlan } from '../../plan/planFile.ts';
import { planJson } from '../jsonOutput.ts';

const kb = (n: number): string => `${(n / 1000).toFixed(1)} KB`;

export const command: CommandSpec = {
  name: 'plan',
  summary: 'Plan the migration epic (stories 36.1-36.6) into migration-plans/<name>.plan.json.',
  usage: [
    'Usage: migrate plan [--name <name>] [--project <dir>] [--json]',
    '',
    'Analyses the require graph and duplicates, then applies every step in memory to measure',
    'the files it reads and its size impact per process. Near-duplicates become decision steps.',
    'Exit codes: 0 plan written, 1 plan written but a projected size breaks a budget, 2 error.',
  ].join('\n'),
  options: { name: { type: 'string' } },
  async run(args, io) {
    const name = typeof args.values.name === 'string' ? args.values.name : 'epic';
    if (!/^[A-Za-z0-9._-]+$/.test(name)) {
      throw new MigrateError('CLI-020', `plan name '${name}' is not a file name`, { hint: 'use letters, digits, ".", "_" or "-"' });
    }
    const project = loadProject({ project: args.values.project as string | undefined, cwd: io.cwd, example: args.values.example === true });
    const plan = await planEpic(project, { name, progress: progressOf(io) });
    const file = await savePlan(path.join(project.root, PLAN_DIR, `${plan.name}.plan.json`), plan);
    const summary = summarisePlan(plan);
    if (args.values.json) {
      io.out(JSON.stringify({ ...(planJson(file, summary, plan.budgets) as object), notes: plan.notes ?? [] }, null, 2));
    } else {
      const lines = [`plan ${plan.name}: ${plan.steps.length} steps -> ${path.relative(io.cwd, file) || file}`];
      for (const [story, n] of Object.entries(summary.stepsPerStory)) lines.push(`  ${story}: ${n} step(s)`);
      if (summary.decisions) lines.push(`  ${summary.decisions} decision(s) to take (near-duplicates / drifted copies)`);
      lines.push(
        'projected sizes (raw source bytes of each shell; runtime = all runtime modules; budgets apply to raw bytes (unminified), as in audit and size):',
      );
      for (const s of summary.sizes)
        lines.push(`  ${s.process.padEnd(12)} ${kb(s.beforeBytes).padStart(10)} -> ${kb(s.afterBytes).padStart(10)}  (${s.percent} %)`);
      for (const b of summary.budgetBreaches) lines.push(`over budget: ${b}`);
      for (const n of plan.notes ?? []) lines.push(`note: ${n}`);
      io.out(lines.join('\n'));
    }
    return summary.budgetBreaches.length ? 1 : 0;
  },
};
