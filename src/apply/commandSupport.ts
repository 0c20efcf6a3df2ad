// Shared bits of the engine's commands: project loading from the common flags, progress lines
// on stderr (only on a TTY, so pipes and JSON stay clean), the plan-name flag and a step table.
import pc from 'picocolors';
import type { CommandIO, OptionSpec, ParsedArgs } from '../cli/command.ts';
import { loadProject, type Project } from '../config/loadProject.ts';
import type { StepStatus } from './engine.ts';

export const planOption: OptionSpec = { plan: { type: 'string' } };

export function projectOf(args: ParsedArgs, io: CommandIO): Project {
  return loadProject({ project: args.values.project as string | undefined, cwd: io.cwd, example: args.values.example === true });
}

export const planName = (args: ParsedArgs): string | undefined => (typeof args.values.plan === 'string' ? args.values.plan : undefined);

/** Progress lines on stderr when it is interactive; silent otherwise. */
export function progress(io: CommandIO): (msg: string) => void {
  return io.isTTY && !io.env.CI ? (msg) => io.err(pc.createColors(io.color).dim(msg)) : () => undefined;
}

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
      return c.red(pad);
    case 'skipped':
      return c.dim(pad);
    default:
      return c.yellow(pad);
  }
}

export function sizeLine(step: Pick<StepStatus, 'sizeImpact'>): string {
  return step.sizeImpact.map((s) => `${s.process} ${s.beforeBytes}->${s.afterBytes}`).join(', ');
}
