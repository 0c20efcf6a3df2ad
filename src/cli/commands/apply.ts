// `migrate apply <step>` / `migrate apply --all`: applies steps atomically (journal, temp files,
// rename), refusing on drift; --commit makes one git commit per step. Exit 0 applied, 2 error.
import { progressOf, type CommandSpec } from '../command.ts';
import { MigrateError } from '../../errors.ts';
import { applyAll, applyStep, type ApplyResult } from '../../engine/engine.ts';
import { applyHooks } from '../engineHooks.ts';
import { colorsOf, planName, planOption, projectOf } from '../commandSupport.ts';

export const command: CommandSpec = {
  name: 'apply',
  summary: 'Apply one plan step (or every pending step with --all), atomically and journalled.',
  usage: [
    'Usage: migrate apply <step> | --all [--commit] [--allow-dirty] [--plan <name>] [--json]',
    '',
    '  --all          every pending step in plan order (stops at the first error or undecided decision)',
    '  --commit       one git commit per step: "migrate(<story>): <title>" + trailer "Migrate-Step: <id>"',
    "  --allow-dirty  with --commit, accept uncommitted changes (only the step's files are committed)",
    'Exit codes: 0 applied, 2 error (drift, unknown step, write failure: nothing is left half-written).',
  ].join('\n'),
  options: { ...planOption, all: { type: 'boolean' }, commit: { type: 'boolean' }, 'allow-dirty': { type: 'boolean' } },
  async run(args, io) {
    const project = projectOf(args, io);
    const c = colorsOf(io, args);
    const opts = {
      plan: planName(args),
      commit: Boolean(args.values.commit),
      allowDirty: Boolean(args.values['allow-dirty']),
      progress: progressOf(io),
      hooks: applyHooks,
    };
    let results: ApplyResult[];
    let skipped: string[] = [];
    if (args.values.all) {
      const r = await applyAll(project, opts);
      results = r.applied;
      skipped = r.skipped;
    } else {
      if (args.positionals.length !== 1)
        throw new MigrateError('CLI-031', 'apply needs exactly one step id (or --all)', { hint: "run 'migrate status' for the step ids" });
      const r = await applyStep(project, args.positionals[0]!, opts);
      if (r.skipped) skipped = [r.stepId];
      results = r.skipped ? [] : [r];
    }
    if (args.values.json) {
      io.out(JSON.stringify({ applied: results, skipped }, null, 2));
      return 0;
    }
    const lines: string[] = [];
    for (const r of results) {
      if (r.baseline) lines.push(c.dim(r.baseline));
      lines.push(`${c.green('applied')} ${r.stepId}: ${r.changes} file change(s)${r.commit ? ` (commit ${r.commit.slice(0, 10)})` : ''}`);
      for (const n of r.notes) lines.push(c.dim(`  note: ${n}`));
    }
    for (const s of skipped) lines.push(`${c.dim('skipped')} ${s}`);
    if (!results.length && !skipped.length) lines.push('nothing to apply: every step is applied');
    else if (args.values.all)
      lines.push(
        `${results.length} step(s) applied, ${results.reduce((n, r) => n + r.changes, 0)} file change(s)${skipped.length ? `, ${skipped.length} skipped` : ''}`,
      );
    io.out(lines.join('\n'));
    return 0;
  },
};
