// `migrate next-step`: the interactive way through the plan. Shows the next step (story, files,
// size impact, behaviour change) and offers apply / show diff / skip / edit params / decide /
// quit; after an apply it runs the step's verification when available and offers undo.
// Without a terminal it exits 2 naming the non-interactive command.
import { input, select } from '@inquirer/prompts';
import type { CommandIO, CommandSpec } from '../command.ts';
import { MigrateError } from '../../errors.ts';
import type { Project } from '../../config/loadProject.ts';
import { applyStep, dryRun, planStatus, revertStep } from '../../apply/engine.ts';
import { runStepVerification } from '../../apply/hooks.ts';
import { loadPlanFile, updatePlanStep as updateStep } from '../../plan/planFile.ts';
import type { PlanStep } from '../../plan/planSchema.ts';
import { colorsOf, planName, planOption, projectOf, sizeLine } from '../../apply/commandSupport.ts';

type Action = 'apply' | 'diff' | 'skip' | 'edit' | 'decide' | 'quit';

function describe(step: PlanStep, files: string[], io: CommandIO, c: ReturnType<typeof colorsOf>): string {
  const lines = [c.bold(`${step.story}  ${step.id}`), `  ${step.title}`];
  if (step.description) lines.push(...step.description.split('\n').map((l) => c.dim(`  ${l}`)));
  lines.push(`  transform: ${step.transform === 'decision' ? `decision${step.decision?.choice ? ` (chosen: ${step.decision.choice})` : ' (not decided)'}` : step.transform}`);
  if (files.length) lines.push(`  files (${files.length}):`, ...files.slice(0, 15).map((f) => `    ${f}`), ...(files.length > 15 ? [`    ... ${files.length - 15} more`] : []));
  if (step.sizeImpact.length) lines.push(`  size impact: ${sizeLine(step)}`);
  if (step.behaviourChange) lines.push(c.yellow(`  behaviour change: ${step.behaviourChange}`));
  if (step.decision) lines.push(`  question: ${step.decision.question}`);
  void io;
  return lines.join('\n');
}

export const command: CommandSpec = {
  name: 'next-step',
  summary: 'Walk through the plan interactively: see the next step, its diff and size impact, apply, skip or undo.',
  usage: [
    'Usage: migrate next-step [--plan <name>] [--project <dir>]',
    '',
    'Interactive (needs a terminal). Scripts use: migrate apply <step> | migrate apply --all.',
    'Exit codes: 0 quit or plan finished, 2 error or no terminal.',
  ].join('\n'),
  options: { ...planOption },
  async run(args, io) {
    const project = projectOf(args, io);
    const plan = planName(args);
    const c = colorsOf(io, args);
    const status = await planStatus(project, { plan });
    const first = status.steps.find((s) => s.state === 'pending' || s.state === 'drifted');
    if (!io.isTTY) {
      throw new MigrateError('CLI-034', 'next-step is interactive and needs a terminal', {
        hint: first ? `run 'migrate apply ${first.id}' (or 'migrate apply --all') instead` : "every step is applied or skipped; see 'migrate status'",
      });
    }
    if (status.interrupted) throw new MigrateError('JOURNAL-003', `step '${status.interrupted}' was interrupted`, { hint: "run 'migrate recover' first" });
    for (;;) {
      const { plan: p } = await loadPlanFile(project.root, plan);
      const st = await planStatus(project, { plan });
      const next = st.steps.find((s) => s.state === 'pending' || s.state === 'drifted');
      if (!next) {
        io.out(c.green('every step is applied or skipped. `migrate rollback` returns to the monolith.'));
        return 0;
      }
      const step = p.steps.find((s) => s.id === next.id)!;
      const undecided = next.undecided;
      let diffText = '';
      let files: string[] = [];
      if (!undecided) {
        const dr = await dryRun(project, [step.id], { plan, color: io.color });
        diffText = dr.diffText;
        files = dr.steps.flatMap((s) => s.changes.map((ch) => (ch.kind === 'move' ? `${ch.from} -> ${ch.to}` : `${ch.kind} ${ch.path}`)));
      }
      const done = st.steps.filter((s) => s.state === "applied" || s.state === "skipped").length;
      io.out(`\n${c.dim(`step ${done + 1} of ${st.steps.length}`)}\n${describe(step, files, io, c)}`);
      if (next.state === 'drifted') io.out(c.red(`  changed since planned: ${next.drifted.join(', ')} (apply will refuse; re-plan)`));
      const choices: { name: string; value: Action }[] = [
        ...(undecided ? [{ name: 'decide', value: 'decide' as const }] : [{ name: 'apply', value: 'apply' as const }, { name: 'show diff', value: 'diff' as const }]),
        { name: 'skip', value: 'skip' },
        { name: 'edit params', value: 'edit' },
        { name: 'quit', value: 'quit' },
      ];
      const action = await select<Action>({ message: `${step.id}: what now?`, choices });
      if (action === 'quit') return 0;
      if (action === 'diff') {
        io.out(diffText || '(no changes)');
        continue;
      }
      if (action === 'skip') {
        await updateStep(project, plan, step.id, (s) => (s.skip = true));
        io.out(`skipped ${step.id} (marked skip in the plan)`);
        continue;
      }
      if (action === 'decide') {
        const choice = await select({ message: step.decision!.question, choices: step.decision!.options.map((o) => ({ name: o.label, value: o.id })) });
        await updateStep(project, plan, step.id, (s) => (s.decision!.choice = choice));
        io.out(`decided ${step.id}: ${choice}`);
        continue;
      }
      if (action === 'edit') {
        const text = await input({
          message: 'params (JSON object):',
          default: JSON.stringify(step.params),
          validate: (t) => {
            try {
              const v: unknown = JSON.parse(t);
              return v && typeof v === 'object' && !Array.isArray(v) ? true : 'a JSON object, e.g. {"key": "value"}';
            } catch (e) {
              return `not JSON: ${(e as Error).message}`;
            }
          },
        });
        await updateStep(project, plan, step.id, (s) => (s.params = JSON.parse(text) as Record<string, unknown>));
        io.out(`params of ${step.id} saved`);
        continue;
      }
      const r = await applyStep(project, step.id, { plan });
      if (r.baseline) io.out(c.dim(r.baseline));
      io.out(`${c.green('applied')} ${step.id}: ${r.changes} file change(s)`);
      for (const n of r.notes) io.out(c.dim(`  note: ${n}`));
      const processes = step.verify?.processes;
      if (processes?.length) {
        const v = await runStepVerification(project, processes);
        io.out(v ? `${v.ok ? c.green('verified') : c.red('verification failed')}: ${v.summary}` : c.dim('verification not available'));
      }
      const after = await select<'continue' | 'undo' | 'quit'>({
        message: 'keep it?',
        choices: [
          { name: 'continue', value: 'continue' },
          { name: 'undo', value: 'undo' },
          { name: 'quit', value: 'quit' },
        ],
      });
      if (after === 'undo') {
        await revertStep(project, step.id, { plan });
        io.out(`undone ${step.id}`);
      }
      if (after === 'quit') return 0;
    }
  },
};
