// Story 36.2: the loader module goes into the runtime folder, then each process requires
// runtime modules through it and gets the mode flag, one process at a time (each step can be
// verified and reverted alone). A process is federated only when it pays (config `federate`,
// default "auto"): its federated shell, built from the simulated sources, must be smaller than
// its ORIGINAL monolith (raw bytes). A process that would not gain keeps its steps in the plan,
// marked `skip` with the two sizes; `"federate": "always"` (or `skip: false`) forces it.
import path from 'node:path';
import type { EpicSimulation } from './simulation.ts';
import type { PlanStep } from './planTypes.ts';
import type { Transform } from '../../transform/types.ts';
import { createTree } from '../../stage/stagedTree.ts';
import { shellBytes } from '../../bundle/payoff.ts';
import { transform as federateRequires } from '../../../transforms/lua/federate-requires/index.ts';
import { transform as addHybridFlag } from '../../../transforms/lua/add-hybrid-flag/index.ts';
import { transform as writeLoader } from '../../../transforms/lua/write-federation-loader/index.ts';

const asTransform = (t: unknown) => t as Transform<unknown>;

/** The federated shell `processName` would get, in raw bytes (undefined: the build fails). */
function projectedShell(sim: EpicSimulation, processName: string): { bytes?: number; error?: string } {
  const scratch = createTree(sim.tree);
  const ctx = { config: sim.config, root: sim.root, report: () => {} };
  try {
    writeLoader.apply(scratch, {}, ctx);
    federateRequires.apply(scratch, { process: processName }, ctx);
    addHybridFlag.apply(scratch, { process: processName }, ctx);
    return { bytes: shellBytes(sim.config, scratch, processName) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

interface Verdict {
  federate: boolean;
  why: string;
}

function verdictFor(sim: EpicSimulation, name: string, originalMonoliths?: Map<string, number>): Verdict {
  if (sim.config.federate === 'always') return { federate: true, why: 'config "federate": "always"' };
  const mono = originalMonoliths?.get(name);
  if (mono === undefined) return { federate: true, why: 'the original monolith could not be built, so the shell was not compared with it' };
  const shell = projectedShell(sim, name);
  if (shell.bytes === undefined) return { federate: true, why: `the projected shell could not be built (${shell.error})` };
  const pct = ((100 * shell.bytes) / mono).toFixed(1);
  return shell.bytes < mono
    ? { federate: true, why: `its shell would be ${shell.bytes} B, ${pct}% of its original monolith (${mono} B)` }
    : { federate: false, why: `its shell would be ${shell.bytes} B, not smaller than its original monolith (${mono} B, ${pct}%): it stays a monolith` };
}

/** A step kept in the plan for the record, not applied (a user may set `skip: false`). */
function skipped(sim: EpicSimulation, step: Omit<PlanStep, 'dependsOn' | 'reads' | 'sizeImpact' | 'notes' | 'skip'>, why: string): void {
  sim.steps.push({
    ...step,
    description: `${step.description ?? ''}\nNot federated: ${why}. Set "federate": "always" in migrate.config.json to federate it anyway.`,
    dependsOn: [],
    reads: [],
    sizeImpact: [],
    notes: [`skipped: ${why}`],
    skip: true,
  });
}

export function planFederation(sim: EpicSimulation, originalMonoliths?: Map<string, number>): void {
  const verdicts = new Map(sim.config.processes.map((p) => [p.name, verdictFor(sim, p.name, originalMonoliths)]));
  if ([...verdicts.values()].some((v) => v.federate)) {
    sim.run({
      id: '36.2-federation-loader',
      story: '36.2',
      title: 'Write the federation loader module into the runtime folder',
      description: 'The sources require the loader as a module, so they run with plain Lua (busted, amalg, aos .load) as well as bundled.',
      transform: asTransform(writeLoader),
      params: {},
      // It only creates a file; the runtime it joins is what it builds on.
      inputs: (tree) => [path.posix.join(sim.config.runtime.dir, 'manifest.json')].filter((p) => tree.exists(p)),
    });
  }
  for (const proc of sim.config.processes) {
    const verdict = verdicts.get(proc.name)!;
    const federate = {
      id: `36.2-federate-${proc.name}`,
      story: '36.2' as const,
      title: `Federate ${proc.name}'s runtime requires`,
      description: `Requires of runtime modules in ${proc.name}'s own files go through Federation.require with the manifest's version range (${verdict.why}).`,
      transform: federateRequires.id,
      params: { process: proc.name },
    };
    const flag = {
      id: `36.2-mode-flag-${proc.name}`,
      story: '36.2' as const,
      title: `Add the hybrid mode flag to ${proc.name}`,
      description: `FEDERATION_MODE at the top of ${proc.entry}: monolith | hybrid | federated, settable by Eval, On-Boot data or the spawn tag Federation-Mode.`,
      transform: addHybridFlag.id,
      params: { process: proc.name },
      verify: { processes: [proc.name] },
    };
    if (!verdict.federate) {
      skipped(sim, federate, verdict.why);
      skipped(sim, flag, verdict.why);
      continue;
    }
    sim.federated.add(proc.name);
    sim.run({ ...federate, transform: asTransform(federateRequires) });
    sim.run({ ...flag, transform: asTransform(addHybridFlag) });
  }
}
