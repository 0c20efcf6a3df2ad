// Shared bits of the engine's CLI commands: project loading from the common flags, the plan-name
// flag and a step table. (Progress goes through io.progress: src/cli/progress.ts.)
import pc from 'picocolors';
import type { CommandIO, OptionSpec, ParsedArgs } from './command.ts';
import { loadProject, type Project } from '../config/loadProject.ts';
import type { StepStatus } from '../engine/engine.ts';

export const planOption: OptionSpec = { plan: { type: 'string' } };

export function projectOf(args: ParsedArgs, io: CommandIO): Project {
  const project = loadProject({ project: args.values.project as string | undefined, cwd: io.cwd, example: args.values.example === true });
  return io.transforms ? { ...project, transforms: io.transforms } : project;
}

export const planName = (args: ParsedArgs): string | undefined => (typeof args.values.plan === 'string' ? args.values.plan : undefined);

export function colorsOf(io: CommandIO, args: ParsedArgs) {
  return pc.createColors(io.color && !args.values['no-color']);
}

export function stateLabel(state: StepStatus['state'], c: ReturnType<typeof pc.createColors>): string {
  const pad = state.padEnd(11);
  switch (state) {
    case 'applied':
      return c.green(pad);
    case 'drifted':
    case 'interrupted':
    case 'absent':
      return c.red(pad);
    case 'skipped':
      return c.dim(pad);
    default:
      return c.yellow(pad);
  }
}

/** Bytes for people: '512 B', '12.3 KB', '4.10 MB'. */
export function formatBytes(n: number): string {
  const a = Math.abs(n);
  if (a < 1024) return `${n} B`;
  if (a < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

/** '-12.5%' (or '+3.0%'): the change from `before` to `after`; '' when before is 0. */
export function formatPercent(before: number, after: number): string {
  if (before === 0) return '';
  const p = ((after - before) / before) * 100;
  // a small change keeps two decimals so it does not read as '-0.0%'
  return `${p > 0 ? '+' : ''}${p.toFixed(Math.abs(p) < 0.1 && p !== 0 ? 2 : 1)}%`;
}

export function sizeLine(step: Pick<StepStatus, 'sizeImpact'>): string {
  return step.sizeImpact
    .map((s) => {
      const pct = formatPercent(s.beforeBytes, s.afterBytes);
      return `${s.process} ${formatBytes(s.beforeBytes)} -> ${formatBytes(s.afterBytes)}${pct ? ` (${pct})` : ''}`;
    })
    .join(', ');
}
