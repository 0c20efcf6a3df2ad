// `migrate next-step`: the interactive way through the plan, one key per action (like ast-grep's
// interactive review): y apply, n skip, d diff (paged), a apply the rest, b back (undo the last
// applied step), e edit params, q quit, ? help; a decision takes 1-9 for an option and v for the
// diff between its variants, with each option's size impact. Ctrl-C and q stop cleanly: the plan
// and journal are whole after every action, so the command prints how to resume.
// Without a terminal it exits 2 naming the non-interactive command.
import { registryOf } from '../../transform/registry.ts';
import type { CommandIO, CommandSpec } from '../command.ts';
import { MigrateError } from '../../errors.ts';
import type { Project } from '../../config/loadProject.ts';
import { applyStep, dryRun, planStatus, revertStep, type PlanStatus } from '../../engine/engine.ts';
import { readJournal } from '../../engine/journal.ts';
import { applyHooks, interactiveHooks } from '../engineHooks.ts';
import { decisionVariants } from '../../engine/decisionVariants.ts';
import { loadPlanFile, updatePlanStep as updateStep } from '../../plan/planFile.ts';
import type { PlanStep } from '../../plan/planSchema.ts';
import { colorsOf, formatBytes, formatPercent, planName, planOption, projectOf, sizeLine } from '../commandSupport.ts';
import { readChoice } from '../interactive/keys.ts';
import { replanAfterChoice } from '../replanAfterChoice.ts';
import { page } from '../interactive/pager.ts';
import { editParams } from '../interactive/editParams.ts';

type Colors = ReturnType<typeof colorsOf>;

/** Thrown by the loop when the user stops (q or Ctrl-C); caught once in run(). */
class Stop {
  constructor(readonly how: 'quit' | 'interrupt') {}
}

function describe(step: PlanStep, files: string[], c: Colors): string {
  const lines = [c.bold(`${step.story}  ${step.id}`), `  ${step.title}`];
  if (step.description) lines.push(...step.description.split('\n').map((l) => c.dim(`  ${l}`)));
  lines.push(
    `  transform: ${step.transform === 'decision' ? `decision${step.decision?.choice ? ` (chosen: ${step.decision.choice})` : ' (not decided)'}` : step.transform}`,
  );
  if (files.length)
    lines.push(
      `  files (${files.length}):`,
      ...files.slice(0, 15).map((f) => `    ${f}`),
      ...(files.length > 15 ? [`    ... ${files.length - 15} more (d shows the diff)`] : []),
    );
  if (step.sizeImpact.length) lines.push(`  size impact: ${sizeLine(step)}`);
  if (step.behaviourChange) lines.push(c.yellow(`  behaviour change: ${step.behaviourChange}`));
  return lines.join('\n');
}

const HELP: Record<string, string> = {
  y: 'apply this step',
  n: 'skip it (marked skip in the plan)',
  d: 'show its diff (paged)',
  v: "show the diff between the decision's variants (paged)",
  a: 'apply the rest: every pending step in order (stops at a decision)',
  b: 'back: undo the last applied step',
  e: 'edit the step params',
  q: 'quit (everything done so far is kept)',
  '?': 'this help',
};

/** The plan's variants diff with +/- lines coloured like the step diffs. */
function colorDiff(text: string, c: Colors): string {
  return text
    .split('\n')
    .map((l) =>
      l.startsWith('@@') ? c.cyan(l) : l.startsWith('+') && !l.startsWith('+++') ? c.green(l) : l.startsWith('-') && !l.startsWith('---') ? c.red(l) : l,
    )
    .join('\n');
}

function keyBar(keys: string[], c: Colors): string {
  const names: Record<string, string> = { y: 'apply', n: 'skip', d: 'diff', v: 'variants diff', a: 'apply rest', b: 'back', e: 'edit', q: 'quit', '?': 'help' };
  return keys.map((k) => `${c.bold(c.cyan(k))} ${names[k]}`).join('  ');
}

function resumeHint(st: PlanStatus): string {
  const counts = new Map<string, number>();
  for (const s of st.steps) counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
  const summary = [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
  return `${summary}. Resume with: migrate next-step   (status: migrate status; undo everything: migrate rollback)`;
}

async function showDecision(project: Project, step: PlanStep, io: CommandIO, c: Colors): Promise<void> {
  const d = step.decision!;
  io.out(`  question: ${d.question}`);
  io.out(c.dim('  computing what each option changes ...'));
  const variants = await decisionVariants(project, step);
  variants.forEach((v, i) => {
    const impact = v.error
      ? c.red(`cannot compute: ${v.error}`)
      : v.files === 0
        ? 'no change'
        : `${v.files} file(s), ${formatBytes(v.beforeBytes)} -> ${formatBytes(v.afterBytes)} (${v.afterBytes >= v.beforeBytes ? '+' : ''}${formatBytes(v.afterBytes - v.beforeBytes)}${formatPercent(v.beforeBytes, v.afterBytes) ? `, ${formatPercent(v.beforeBytes, v.afterBytes)}` : ''})`;
    io.out(`  ${c.bold(c.cyan(String(i + 1)))} ${v.label}\n      ${c.dim(impact)}`);
  });
}

/**
 * Ctrl-C while the walk computes or applies (the terminal is not in raw mode then, so it is a
 * SIGINT) is noted and the walk stops after the current action, so no step is left half-done; a
 * second Ctrl-C stops at once (the journal makes even that recoverable: migrate recover).
 */
class Interrupts {
  requested = false;
  private readonly onInt = (): void => {
    if (this.requested) {
      this.stop();
      process.kill(process.pid, 'SIGINT');
      return;
    }
    this.requested = true;
    this.io.out(this.c.yellow('\nstopping after the current action (Ctrl-C again to stop now) ...'));
  };
  constructor(
    private readonly io: CommandIO,
    private readonly c: Colors,
  ) {
    process.on('SIGINT', this.onInt);
  }
  check(): void {
    if (this.requested) throw new Stop('interrupt');
  }
  stop(): void {
    process.off('SIGINT', this.onInt);
  }
}

async function applyRest(project: Project, plan: string | undefined, io: CommandIO, c: Colors, ints: Interrupts): Promise<void> {
  for (;;) {
    // the steps' work is synchronous: let a pending SIGINT reach its handler between steps
    await new Promise((resolve) => setImmediate(resolve));
    ints.check();
    const st = await planStatus(project, { plan });
    const next = st.steps.find((s) => s.state === 'pending' || s.state === 'drifted');
    if (!next) break;
    if (next.undecided) {
      io.out(c.yellow(`stopped at ${next.id}: a decision to take`));
      break;
    }
    const r = await applyStep(project, next.id, { plan, hooks: applyHooks });
    io.out(`${c.green(r.skipped ? 'skipped' : 'applied')} ${next.id}${r.skipped ? '' : `: ${r.changes} file change(s)`}`);
  }
}

async function back(project: Project, plan: string | undefined, io: CommandIO, c: Colors): Promise<void> {
  const last = readJournal(project.root).entries.at(-1);
  if (!last) {
    io.out(c.yellow('nothing to undo: no step is applied'));
    return;
  }
  await revertStep(project, last.stepId, { plan });
  io.out(`${c.green('undone')} ${last.stepId} (its files are as before it)`);
}

/** One round: shows the next step and performs one action. Returns false when the plan is done. */
async function round(project: Project, plan: string | undefined, io: CommandIO, c: Colors, ints: Interrupts): Promise<boolean> {
  const { plan: p } = await loadPlanFile(project.root, plan, registryOf(project));
  const st = await planStatus(project, { plan });
  const next = st.steps.find((s) => s.state === 'pending' || s.state === 'drifted');
  if (!next) {
    io.out(c.green('every step is applied or skipped. `migrate rollback` returns to the monolith; b undoes the last step.'));
    const k = await readChoice(['b', 'q', 'enter']);
    if (k === 'ctrl-c') throw new Stop('interrupt');
    if (k !== 'b') return false;
    await back(project, plan, io, c);
    return true;
  }
  const step = p.steps.find((s) => s.id === next.id)!;
  let diffText = '';
  let files: string[] = [];
  if (!next.undecided) {
    const dr = await dryRun(project, [step.id], { plan, color: io.color });
    diffText = dr.diffText;
    files = dr.steps.flatMap((s) => s.changes.map((ch) => (ch.kind === 'move' ? `${ch.from} -> ${ch.to}` : `${ch.kind} ${ch.path}`)));
  }
  const done = st.steps.filter((s) => s.state === 'applied' || s.state === 'skipped').length;
  io.out(`\n${c.dim(`step ${done + 1} of ${st.steps.length}`)}\n${describe(step, files, c)}`);
  if (next.state === 'drifted') io.out(c.red(`  changed since planned: ${next.drifted.join(', ')} (apply will refuse; re-plan with migrate plan)`));
  const options = next.undecided ? step.decision!.options : [];
  if (next.undecided) await showDecision(project, step, io, c);
  const keys = next.undecided ? ['v', 'n', 'b', 'e', 'q', '?'] : ['y', 'n', 'd', 'a', 'b', 'e', 'q', '?'];
  const digits = options.map((_, i) => String(i + 1)).slice(0, 9);
  const prompt = (): void => io.out(`${c.bold(`${step.id}:`)} ${digits.length ? `${c.bold(c.cyan(`1-${digits.length}`))} choose  ` : ''}${keyBar(keys, c)}`);
  for (;;) {
    prompt();
    const k = await readChoice([...digits, ...keys]);
    if (k === 'ctrl-c') throw new Stop('interrupt');
    if (k === 'q') throw new Stop('quit');
    if (k === '?') {
      io.out([...(digits.length ? ['  1-9 choose that option'] : []), ...keys.map((key) => `  ${key}  ${HELP[key]}`)].join('\n'));
      continue;
    }
    if (k === 'd') {
      await page(diffText || '(no changes)', { out: io.out, env: io.env, rows: process.stdout.rows });
      ints.requested = false; // a Ctrl-C inside less is less's own (it also reaches us as SIGINT)
      continue;
    }
    if (k === 'v') {
      await page(step.decision?.diff ? colorDiff(step.decision.diff, c) : '(the plan has no diff between the variants)', {
        out: io.out,
        env: io.env,
        rows: process.stdout.rows,
      });
      ints.requested = false;
      continue;
    }
    if (digits.includes(k)) {
      const choice = options[Number(k) - 1]!;
      await updateStep(project, plan, step.id, (s) => (s.decision!.choice = choice.id));
      io.out(`decided ${step.id}: ${choice.label}`);
      const replanned = await replanAfterChoice(project, p, choice.id, io);
      if (replanned) io.out(c.dim(replanned));
      return true;
    }
    if (k === 'n') {
      await updateStep(project, plan, step.id, (s) => (s.skip = true));
      io.out(`skipped ${step.id} (marked skip in the plan)`);
      return true;
    }
    if (k === 'b') return back(project, plan, io, c).then(() => true);
    if (k === 'a') return applyRest(project, plan, io, c, ints).then(() => true);
    if (k === 'e') {
      const params = await editParams(step.params, io);
      if (params === 'interrupt') throw new Stop('interrupt');
      if (params) {
        await updateStep(project, plan, step.id, (s) => (s.params = params));
        io.out(`params of ${step.id} saved`);
      }
      return true;
    }
    // 'y': apply
    const r = await applyStep(project, step.id, { plan, hooks: interactiveHooks });
    if (r.baseline) io.out(c.dim(r.baseline));
    io.out(`${c.green('applied')} ${step.id}: ${r.changes} file change(s)   ${c.dim('(b undoes it)')}`);
    for (const n of r.notes) io.out(c.dim(`  note: ${n}`));
    const v = r.verification;
    if (v) io.out(`${v.ok ? c.green('verified') : c.red('verification failed')}: ${v.summary}`);
    return true;
  }
}

export const command: CommandSpec = {
  name: 'next-step',
  summary: 'Walk through the plan interactively, one key per action: apply, skip, diff, apply the rest, back.',
  usage: [
    'Usage: migrate next-step [--plan <name>] [--project <dir>]',
    '',
    'Interactive (needs a terminal). Keys: y apply, n skip, d diff (paged with less -R when',
    'available, $PAGER or MIGRATE_PAGER=internal to choose), a apply the rest, b back (undo the last',
    "applied step), e edit params, q quit, ? help; on a decision 1-9 choose, v the variants' diff.",
    'Ctrl-C stops cleanly: every action done so far is kept; run next-step again to resume.',
    'Scripts use: migrate apply <step> | migrate apply --all.',
    'Exit codes: 0 quit or plan finished, 130 interrupted (Ctrl-C), 2 error or no terminal.',
  ].join('\n'),
  options: { ...planOption },
  async run(args, io) {
    const project = projectOf(args, io);
    const plan = planName(args);
    const c = colorsOf(io, args);
    const status = await planStatus(project, { plan });
    const first = status.steps.find((s) => s.state === 'pending' || s.state === 'drifted');
    if (!io.isTTY || !process.stdin.isTTY) {
      throw new MigrateError('CLI-034', 'next-step is interactive and needs a terminal', {
        hint: first ? `run 'migrate apply ${first.id}' (or 'migrate apply --all') instead` : "every step is applied or skipped; see 'migrate status'",
      });
    }
    if (status.interrupted) throw new MigrateError('JOURNAL-003', `step '${status.interrupted}' was interrupted`, { hint: "run 'migrate recover' first" });
    const ints = new Interrupts(io, c);
    try {
      for (;;) {
        try {
          ints.check();
          if (!(await round(project, plan, io, c, ints))) return 0;
        } catch (e) {
          // A refused action (drift, a revert blocked by edits) is shown; the walk goes on.
          if (!(e instanceof MigrateError)) throw e;
          io.out(c.red(`${e.code} ${e.message}`) + (e.hint ? `\n  ${c.dim(`hint: ${e.hint}`)}` : ''));
        }
      }
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      const st = await planStatus(project, { plan });
      io.out(`\n${e.how === 'interrupt' ? 'interrupted' : 'stopped'}: nothing is half-done. ${resumeHint(st)}`);
      return e.how === 'interrupt' ? 130 : 0;
    } finally {
      ints.stop();
    }
  },
};
