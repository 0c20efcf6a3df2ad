// Story 36.2: each process requires runtime modules through the federation loader and gets
// the mode flag, one process at a time (each step can be verified and reverted alone).
import type { EpicSimulation } from './lib/simulation.ts';
import type { Transform } from '../src/transform/types.ts';
import { transform as federateRequires } from '../transforms/lua/federate-requires.ts';
import { transform as addHybridFlag } from '../transforms/lua/add-hybrid-flag.ts';

export function planStory36_2(sim: EpicSimulation): void {
  for (const proc of sim.config.processes) {
    sim.federated.add(proc.name);
    sim.run({
      id: `36.2-federate-${proc.name}`,
      story: '36.2',
      title: `Federate ${proc.name}'s runtime requires`,
      description: `Requires of runtime modules in ${proc.name}'s own files go through Federation.require with the manifest's version range.`,
      transform: federateRequires as unknown as Transform<unknown>,
      params: { process: proc.name },
    });
    sim.run({
      id: `36.2-mode-flag-${proc.name}`,
      story: '36.2',
      title: `Add the hybrid mode flag to ${proc.name}`,
      description: `FEDERATION_MODE at the top of ${proc.entry}: monolith | hybrid | federated, settable by Eval, On-Boot data or the spawn tag Federation-Mode.`,
      transform: addHybridFlag as unknown as Transform<unknown>,
      params: { process: proc.name },
      verify: { processes: [proc.name] },
    });
  }
}
