// `migrate dry-run [step...|--all]`: the unified diff of what the steps would change (several
// steps chain in memory) and the size impact per process; nothing is written unless --save
// (remembers what was shown so apply applies exactly that) or --patch (a git-apply-able patch).
// Exit 1 when something would change, 0 when nothing would (like Rector), 2 on error.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { progressOf, type CommandSpec } from '../command.ts';
import { MigrateError } from '../../errors.ts';
import { dryRun } from '../../engine/engine.ts';
import { colorsOf, planName, planOption, projectOf } from '../commandSupport.ts';

type DryStep = Awaited<ReturnType<typeof dryRun>>['steps'][number];

/** One word per step: what dry-run --all could show of it. */
export function stepState(s: DryStep): 'changes' | 'unchanged' | 'skipped' | 'undecided' | 'blocked' {
  if (s.undecided) return 'undecided';
  if (s.blockedBy) return 'blocked';
  if (s.skipped) return 'skipped';
  return s.changes.length ? 'changes' : 'unchanged';
}

function summaryOf(s: DryStep, c: ReturnType<typeof colorsOf>): string {
  if (s.undecided) return c.yellow('undecided decision');
  if (s.blockedBy) return c.yellow(`waits for ${s.blockedBy}`);
  return s.skipped ? c.dim('skipped') : `${s.changes.length} file change(s)`;
}

export const command: CommandSpec = {
  name: 'dry-run',
  summary: 'Show the diff a step (or every pending step) would make, without writing anything.',
  usage: [
    'Usage: migrate dry-run [<step>...] [--all] [--patch <file>] [--save] [--plan <name>] [--json] [--no-color]',
    '',
    '  --all          every step not applied yet, in plan order; undecided decisions (and steps that',
    '                 depend on one) are listed, the others shown as planned (decisions kept apart)',
    '  --patch <file> write the net change as a patch `git apply` accepts (creates, deletes, renames)',
    '  --save         remember what was shown: `migrate apply` then applies exactly that or refuses',
    '  --summary      one line per step (file counts) instead of the full diff',
    'Exit codes: 0 nothing would change, 1 something would change, 2 error.',
  ].join('\n'),
  options: { ...planOption, all: { type: 'boolean' }, patch: { type: 'string' }, save: { type: 'boolean' }, summary: { type: 'boolean' } },
  async run(args, io) {
    if (!args.values.all && !args.positionals.length) {
      throw new MigrateError('CLI-030', 'dry-run needs a step id or --all', { hint: "run 'migrate status' for the step ids" });
    }
    const project = projectOf(args, io);
    const c = colorsOf(io, args);
    const r = await dryRun(project, args.values.all ? 'all' : args.positionals, {
      plan: planName(args),
      color: io.color && !args.values['no-color'],
      save: Boolean(args.values.save),
      progress: progressOf(io),
    });
    const total = r.steps.reduce((n, s) => n + s.changes.length, 0);
    // An empty patch is not something `git apply` accepts: written only when there is a change.
    if (typeof args.values.patch === 'string' && total) {
      const out = path.resolve(io.cwd, args.values.patch);
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, r.patch);
    }
    if (args.values.json) {
      const files = (s: (typeof r.steps)[number]) =>
        s.changes.map((ch) => (ch.kind === 'move' ? { kind: ch.kind, from: ch.from, path: ch.to } : { kind: ch.kind, path: ch.path }));
      const steps = r.steps.map((s) => ({
        id: s.id,
        story: s.story,
        title: s.title,
        state: stepState(s),
        ...(s.blockedBy ? { blockedBy: s.blockedBy } : {}),
        ...(s.skipped ? { skipped: s.skipped } : {}),
        notes: s.notes,
        changes: files(s),
      }));
      io.out(JSON.stringify({ steps, sizeImpact: r.sizeImpact, undecided: r.undecided, changes: total, patch: r.patch }, null, 2));
      return total ? 1 : 0;
    }
    const lines = args.values.summary ? r.steps.map((st) => `  ${st.story}  ${st.id.padEnd(48)} ${summaryOf(st, c)}`) : [r.diffText.trimEnd()];
    if (r.sizeImpact.length) {
      lines.push('', c.bold('size impact (plan projection, source bytes):'));
      for (const s of r.sizeImpact) {
        const d = s.afterBytes - s.beforeBytes;
        lines.push(
          `  ${s.process.padEnd(14)} ${String(s.beforeBytes).padStart(9)} -> ${String(s.afterBytes).padStart(9)}  ${d <= 0 ? c.green(String(d)) : c.red(`+${d}`)}`,
        );
      }
    }
    for (const s of r.steps) for (const n of s.notes) lines.push(c.dim(`note (${s.id}): ${n}`));
    if (r.undecided.length)
      lines.push(
        c.yellow(
          `${r.undecided.length} undecided decision(s): ${r.undecided.join(', ')}; the steps after them are shown as if kept apart. Decide with 'migrate decide <step> <option>' (or 'migrate decide --all keep-apart', or 'migrate next-step')`,
        ),
      );
    const blocked = r.steps.filter((s) => s.blockedBy).length;
    const computed = r.steps.filter((s) => !s.undecided && !s.blockedBy).length;
    lines.push(
      `${total} file change(s) in ${computed} step(s)${blocked ? `; ${blocked} step(s) wait for a decision` : ''}${args.values.save ? '; saved: apply will apply exactly this' : ''}`,
    );
    if (typeof args.values.patch === 'string')
      lines.push(total ? `patch written to ${args.values.patch}` : `nothing would change: no patch written to ${args.values.patch}`);
    io.out(lines.filter((l, i) => l || i > 0).join('\n'));
    return total ? 1 : 0;
  },
};
