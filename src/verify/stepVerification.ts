// Called by the plan engine after a step: parity of the processes the step touched against
// the baseline, in the modes that make sense for the sources as they now are.
import type { Project } from '../config/loadProject.ts';
import { verifyParity } from './parity.ts';
import { renderDifference } from './render.ts';

export async function verifyForStep(project: Project, processes: string[]): Promise<{ ok: boolean; summary: string }> {
  const withTraces = processes.filter((n) => (project.config.processes.find((p) => p.name === n)?.traces.length ?? 0) > 0);
  if (withTraces.length === 0) {
    return { ok: true, summary: `verify skipped: no traces configured for ${processes.join(', ') || '(no process)'}` };
  }
  const report = await verifyParity(project, { processes: withTraces });
  const runs = `${report.runs.length} run(s), ${report.messagesVerified} messages, modes ${report.modes.join('/')}`;
  if (report.ok) return { ok: true, summary: `verify ok: ${withTraces.join(', ')}: ${runs}` };
  const bad = report.runs.find((r) => !r.ok)!;
  return { ok: false, summary: `verify FAILED: ${bad.process} (${bad.mode}) differs from the baseline (${runs})\n${renderDifference(bad)}` };
}
