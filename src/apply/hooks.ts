// Hooks owned by the verify area: building the monolith baseline before the first step and the
// per-step verification after an apply. Imported lazily so the engine works (and says so)
// when they are not available.
import type { Project } from '../config/loadProject.ts';

export async function runEnsureBaseline(project: Project): Promise<string> {
  let mod: { ensureBaseline?: (p: Project) => Promise<{ created: boolean; dir: string; probes?: string }> };
  try {
    mod = (await import('../verify/baseline.ts' as string)) as typeof mod;
  } catch (e) {
    return `baseline bundles not available (${(e as Error).message.split('\n')[0]})`;
  }
  if (typeof mod.ensureBaseline !== 'function') return 'baseline bundles not available';
  try {
    const r = await mod.ensureBaseline(project);
    return r.created ? `monolith baseline built in ${r.dir}${r.probes ? ` (${r.probes})` : ''}` : 'monolith baseline already kept';
  } catch (e) {
    return `warning: the monolith baseline could not be built (${(e as Error).message.split('\n')[0]}); parity checks against it will not be available`;
  }
}

export async function runStepVerification(project: Project, processes: string[]): Promise<{ ok: boolean; summary: string } | undefined> {
  let mod: { verifyForStep?: (p: Project, processes: string[]) => Promise<{ ok: boolean; summary: string }> };
  try {
    mod = (await import('../verify/stepVerification.ts' as string)) as typeof mod;
  } catch {
    return undefined;
  }
  if (typeof mod.verifyForStep !== 'function') return undefined;
  return mod.verifyForStep(project, processes);
}
