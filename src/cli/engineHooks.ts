// What the CLI plugs into the engine (src/engine, which must not import verify, a layer above
// it): the monolith baseline kept before the first step, and the per-step parity check
// `next-step` runs after a step that names processes to verify. Verify is imported when a hook
// runs, not when the CLI starts: it loads the aos wasm runtime.
import type { Project } from '../config/loadProject.ts';
import type { EngineHooks } from '../engine/engine.ts';

async function keepMonolithBaseline(project: Project): Promise<string> {
  const { ensureBaseline } = await import('../verify/baseline.ts');
  try {
    const r = await ensureBaseline(project);
    return r.created ? `monolith baseline built in ${r.dir}${r.probes ? ` (${r.probes})` : ''}` : 'monolith baseline already kept';
  } catch (e) {
    return `warning: the monolith baseline could not be built (${(e as Error).message.split('\n')[0]}); parity checks against it will not be available`;
  }
}

/** `apply`: the baseline before the first step. */
export const applyHooks: EngineHooks = { beforeFirstStep: keepMonolithBaseline };

/** `next-step`: the baseline, and each step's parity check of the processes its plan names. */
export const interactiveHooks: EngineHooks = {
  beforeFirstStep: keepMonolithBaseline,
  async afterStep(project, processes) {
    const { verifyForStep } = await import('../verify/stepVerification.ts');
    return verifyForStep(project, processes);
  },
};
