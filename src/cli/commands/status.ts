// `migrate status`: every plan step with its state (pending / applied / skipped / drifted /
// interrupted / absent) and projected size impact. Exit 0; 1 when a step drifted, is absent from
// the work tree, or an apply was interrupted.
import type { CommandSpec } from '../command.ts';
import { planStatus } from '../../engine/engine.ts';
import { colorsOf, planName, planOption, projectOf, sizeLine, stateLabel } from '../commandSupport.ts';

export const command: CommandSpec = {
  name: 'status',
  summary: 'Show every plan step with its state (pending, applied, skipped, drifted) and size impact.',
  usage: [
    'Usage: migrate status [--plan <name>] [--json] [--project <dir>]',
    '',
    '--json prints {plan, steps: [{id, story, title, state, transform, drifted, undecided, sizeImpact}], interrupted};',
    'state is pending, applied, skipped, drifted, interrupted or absent.',
    'Exit codes: 0 ok, 1 a step drifted, is absent (its changes are gone from the files: migrate recover --sync)',
    'or an apply/revert was interrupted (run migrate recover), 2 error.',
  ].join('\n'),
  options: { ...planOption },
  async run(args, io) {
    const project = projectOf(args, io);
    const status = await planStatus(project, { plan: planName(args) });
    const problem = Boolean(status.interrupted) || status.steps.some((s) => s.state === 'drifted' || s.state === 'absent');
    if (args.values.json) {
      io.out(JSON.stringify(status, null, 2));
      return problem ? 1 : 0;
    }
    const c = colorsOf(io, args);
    const counts = new Map<string, number>();
    for (const s of status.steps) counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
    const lines = [`plan ${status.plan}: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}`];
    for (const s of status.steps) {
      const extra = [s.undecided ? c.yellow('decision to take') : '', sizeLine(s)].filter(Boolean).join('  ');
      lines.push(`  ${stateLabel(s.state, c)} ${s.story}  ${s.id}  ${c.dim(s.title)}${extra ? `  ${c.dim(extra)}` : ''}`);
      for (const f of s.drifted) lines.push(`      ${c.red('changed since planned:')} ${f}`);
    }
    const absent = status.steps.filter((s) => s.state === 'absent').length;
    if (absent) {
      lines.push(c.red(`${absent} step(s) are journalled as applied but their changes are gone from the files (git reset or checkout?)`));
      lines.push("  forget them: 'migrate recover --sync'   (or bring their commits back: git reflog)");
    }
    if (status.interrupted) lines.push(c.red(`step ${status.interrupted} was interrupted: run 'migrate recover'`));
    const next = status.steps.find((s) => s.state === 'pending');
    if (next) lines.push(`next: migrate next-step   (or: migrate apply ${next.id})`);
    io.out(lines.join('\n'));
    return problem ? 1 : 0;
  },
};
