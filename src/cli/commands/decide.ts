// `migrate decide`: the non-interactive way to take a decision step (a near-duplicate or a
// drifted copy), for scripts and CI; `migrate next-step` offers the same choice interactively.
import { registryOf } from '../../transform/registry.ts';
import type { CommandSpec } from '../command.ts';
import { replanAfterChoice } from '../replanAfterChoice.ts';
import { MigrateError } from '../../errors.ts';
import { planStatus } from '../../engine/engine.ts';
import { loadPlanFile, updatePlanStep } from '../../plan/planFile.ts';
import { DECISION } from '../../plan/planSchema.ts';
import { planName, planOption, projectOf } from '../commandSupport.ts';

export const command: CommandSpec = {
  name: 'decide',
  summary: 'Take a decision step non-interactively: pick a variant or keep near-duplicates apart.',
  usage: [
    'Usage: migrate decide <step> <option>      take one decision',
    '       migrate decide --all <option>       the same option for every open decision that offers it',
    '       migrate decide <step>               list the options of a decision',
    '',
    'Options are listed by `migrate decide <step>`; every decision offers `keep-apart` (no merge,',
    'no behaviour change). A variant option merges the copies into that variant: that changes the',
    'behaviour of the processes that carried another variant, and the plan says how. After a',
    'variant the plan is made again (the choice kept), so `migrate apply --all` runs on it.',
    'Exit codes: 0 decided, 2 error (unknown step, not a decision, unknown option).',
  ].join('\n'),
  options: { ...planOption, all: { type: 'boolean' } },
  async run(args, io) {
    const project = projectOf(args, io);
    const name = planName(args);
    const { plan } = await loadPlanFile(project.root, name, registryOf(project));
    const [first, second] = args.positionals;
    const decisions = plan.steps.filter((s) => s.transform === DECISION);
    if (args.values.all) {
      if (!first) throw new MigrateError('CLI-040', 'decide --all needs an option id, e.g. keep-apart', { hint: 'migrate decide --all keep-apart' });
      const applied = new Set((await planStatus(project, { plan: name })).steps.filter((s) => s.state === 'applied').map((s) => s.id));
      const open = decisions.filter((s) => !s.decision?.choice && !applied.has(s.id));
      for (const step of open) {
        if (!step.decision?.options.some((o) => o.id === first)) {
          throw new MigrateError('CLI-041', `decision '${step.id}' has no option '${first}'`, {
            hint: `options: ${step.decision?.options.map((o) => o.id).join(', ')}`,
          });
        }
      }
      for (const step of open) await updatePlanStep(project, name, step.id, (s) => (s.decision!.choice = first));
      const replanned = open.length ? await replanAfterChoice(project, plan, first, io) : undefined;
      io.out(
        args.values.json
          ? JSON.stringify({ decided: open.map((s) => s.id), choice: first, replanned: replanned !== undefined })
          : [`decided ${open.length} step(s): ${first}`, ...(replanned ? [replanned] : [])].join('\n'),
      );
      return 0;
    }
    const step = plan.steps.find((s) => s.id === first);
    if (!first || !step)
      throw new MigrateError('APPLY-001', first ? `unknown step '${first}' in plan '${plan.name}'` : 'decide needs a step id', {
        hint: "run 'migrate status' for the step ids",
      });
    if (step.transform !== DECISION || !step.decision)
      throw new MigrateError('CLI-042', `step '${step.id}' is not a decision`, { hint: 'apply it with migrate apply' });
    if (!second) {
      const lines = [step.decision.question, ...step.decision.options.map((o) => `  ${o.id.padEnd(40)} ${o.label}`)];
      if (step.behaviourChange) lines.push(`behaviour change: ${step.behaviourChange}`);
      io.out(args.values.json ? JSON.stringify(step.decision, null, 2) : lines.join('\n'));
      return 0;
    }
    if (!step.decision.options.some((o) => o.id === second)) {
      throw new MigrateError('CLI-041', `decision '${step.id}' has no option '${second}'`, {
        hint: `options: ${step.decision.options.map((o) => o.id).join(', ')}`,
      });
    }
    await updatePlanStep(project, name, step.id, (s) => (s.decision!.choice = second));
    io.out(`decided ${step.id}: ${second}`);
    const replanned = await replanAfterChoice(project, plan, second, io);
    if (replanned) io.out(replanned);
    return 0;
  },
};
