// Fault injection for federated and hybrid processes, on the real aos and the real loader
// (src/bundle/lua/federation.lua). Each fault is a boot sequence: chunks of the build, Lua
// evaluated between them to damage the runtime through the loader's registry, and messages
// (a registry delivering a tampered module, a fetch nobody answers). What the process must do
// afterwards: hybrid answers through its fallbacks; federated answers the messages that need the
// damaged module with a clear FED-00x error, and nothing else changes.
import { MigrateError } from '../errors.ts';
import { AosProcess } from './aosRuntime.ts';
import { bootPlan } from './bootBuilds.ts';
import { toAnswer } from './normalise.ts';
import type { Answer, BuildOutput } from './types.ts';
import { worldProcessId } from './world.ts';

export const FAULTS = ['module-missing', 'wrong-version', 'corrupted-text', 'registry-silent', 'runtime-twice', 'shell-before-runtime'] as const;
export type Fault = (typeof FAULTS)[number];

/** The registry process id the faulted shells trust (delivery option b). */
export const FAULT_REGISTRY_ID = worldProcessId('registry');

export interface FaultStep {
  label: string;
  answer: Answer;
}

export interface FaultBoot {
  proc: AosProcess;
  steps: FaultStep[];
}

const lq = (s: string): string => JSON.stringify(s);

const removeFromRuntime = (m: string): string =>
  `local s = Federation.modules[${lq(m)}]\nassert(s and s.runtime, "the runtime has no module " .. ${lq(m)})\ns.runtime = nil`;

const bumpMajor = (m: string): string =>
  `local e = assert(Federation.modules[${lq(m)}] and Federation.modules[${lq(m)}].runtime, "the runtime has no module " .. ${lq(m)})\n` +
  `e.version = (tonumber(e.version:match("^(%d+)")) + 1) .. ".0.0"`;

type Step = { label: string; eval: string } | { label: string; send: { From: string; Tags: Record<string, string>; Data: string } };

function steps(fault: Fault, mode: 'hybrid' | 'federated', runtime: string, shell: string, moduleName: string): Step[] {
  const rt = { label: 'runtime', eval: runtime };
  const sh = { label: `${mode} shell`, eval: shell };
  const viaRegistry = [
    rt,
    { label: `remove ${moduleName} from the runtime`, eval: removeFromRuntime(moduleName) },
    sh,
    { label: 'trust the registry', eval: `Federation.useRegistry(${lq(FAULT_REGISTRY_ID)})` },
  ];
  switch (fault) {
    case 'module-missing':
      return [rt, { label: `remove ${moduleName} from the runtime`, eval: removeFromRuntime(moduleName) }, sh];
    case 'wrong-version':
      return [rt, { label: `give ${moduleName} the next major version`, eval: bumpMajor(moduleName) }, sh];
    case 'corrupted-text':
      return [
        ...viaRegistry,
        {
          label: `registry delivers a tampered ${moduleName}`,
          send: { From: FAULT_REGISTRY_ID, Tags: { Action: 'Federation-Module', Module: moduleName }, Data: '-- tampered in transit\nreturn {}\n' },
        },
      ];
    case 'registry-silent':
      return [...viaRegistry, { label: `fetch ${moduleName} (the registry never answers)`, eval: `Federation.fetch({ ${lq(moduleName)} })` }];
    case 'runtime-twice':
      return [rt, { label: 'runtime again', eval: runtime }, sh];
    case 'shell-before-runtime':
      return [sh, rt];
  }
}

/**
 * Boots `processName` from `build` (which must hold the runtime: use buildForBoot) with `fault`
 * aimed at runtime module `moduleName`. Errors of the steps are returned, not thrown: they are
 * what the fault tests look at.
 */
export async function bootWithFault(
  build: BuildOutput,
  mode: 'hybrid' | 'federated',
  processName: string,
  fault: Fault,
  moduleName: string,
): Promise<FaultBoot> {
  const plan = bootPlan(build, mode, processName, { hybridWithRuntime: true });
  const runtime = plan.chunks.length === 2 ? plan.chunks[0]!.code : undefined;
  const shell = plan.chunks[plan.chunks.length - 1]!.code;
  if (runtime === undefined) {
    throw new MigrateError('VERIFY-060', `fault '${fault}' needs the runtime in the ${mode} build of '${processName}'`, {
      hint: 'build with buildForBoot(project, mode)',
    });
  }
  const { process: proc } = await AosProcess.boot({ name: processName, tags: { 'Federation-Mode': mode } });
  const out: FaultStep[] = [];
  for (const step of steps(fault, mode, runtime, shell, moduleName)) {
    const r = 'eval' in step ? await proc.eval(step.eval) : await proc.send(step.send);
    out.push({ label: step.label, answer: toAnswer(r) });
  }
  return { proc, steps: out };
}
