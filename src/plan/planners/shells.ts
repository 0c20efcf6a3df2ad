// Stories 36.3-36.6: specialise each process into a shell (36.3 battle, 36.4 pokemon, 36.5
// economy and shop, 36.6 the rest). Each step moves the shared-folder modules only that
// process uses into its own folder; the last step verifies every process.
import type { EpicSimulation } from './simulation.ts';
import type { Story } from './planTypes.ts';
import type { Transform } from '../../transform/types.ts';
import { specialisationOf, transform as specialise } from '../../../transforms/lua/specialise-process/index.ts';

export const SHELL_STORIES: Record<string, Story> = { battle: '36.3', pokemon: '36.4', economy: '36.5', shop: '36.5' };

export function storyOfProcess(name: string): Story {
  return SHELL_STORIES[name] ?? '36.6';
}

export function planShells(sim: EpicSimulation): void {
  const order = ['36.3', '36.4', '36.5', '36.6'];
  const procs = [...sim.config.processes].sort((a, b) => order.indexOf(storyOfProcess(a.name)) - order.indexOf(storyOfProcess(b.name)));
  for (const proc of procs) {
    const { exclusive, unreachable } = specialisationOf(sim.tree, sim.config, proc.name);
    const story = storyOfProcess(proc.name);
    const step = exclusive.length
      ? sim.run({
          id: `${story}-shell-${proc.name}`,
          story,
          title: `Specialise ${proc.name} into a shell`,
          description: `Moves ${exclusive.length} module(s) only ${proc.name} uses into its folder.${unreachable.length ? ` Not reachable from the entry (kept): ${unreachable.join(', ')}.` : ''}`,
          transform: specialise as unknown as Transform<unknown>,
          params: { process: proc.name, modules: exclusive },
          verify: { processes: [proc.name] },
        })
      : undefined;
    if (!step && unreachable.length) {
      const last = sim.steps[sim.steps.length - 1];
      last?.notes?.push(`${proc.name}: not reachable from the entry (kept): ${unreachable.join(', ')}`);
    }
  }
  const last = [...sim.steps].reverse().find((s) => s.transform !== 'decision' && !s.skip);
  if (last) last.verify = { processes: sim.config.processes.map((p) => p.name) };
}
