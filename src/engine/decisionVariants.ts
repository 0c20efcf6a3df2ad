// What each option of a decision step would do to the project as it is now: the files it
// changes and the source bytes of those files before and after (next-step shows them side by
// side so the user sees the size impact of each variant before choosing).
import { registryOf } from '../transform/registry.ts';
import type { Project } from '../config/loadProject.ts';
import type { PlanStep } from '../plan/planSchema.ts';
import { SessionWorkspace } from '../stage/sessionWorkspace.ts';
import { createTree } from '../stage/stagedTree.ts';
import { computeStepChanges } from './stepChanges.ts';

export interface VariantImpact {
  id: string;
  label: string;
  /** Files the option would create, change, move or delete (0 for a skip option). */
  files: number;
  /** Bytes of the touched files before and after (source bytes, not bundle bytes). */
  beforeBytes: number;
  afterBytes: number;
  /** Set when the option's changes could not be computed (the message). */
  error?: string;
}

export async function decisionVariants(project: Project, step: PlanStep): Promise<VariantImpact[]> {
  const d = step.decision;
  if (!d) return [];
  const disk = new SessionWorkspace(project.root);
  const out: VariantImpact[] = [];
  for (const o of d.options) {
    const base = { id: o.id, label: o.label, files: 0, beforeBytes: 0, afterBytes: 0 };
    if (!o.params) {
      out.push(base);
      continue;
    }
    try {
      // Each option runs on its own overlay of the disk: nothing is written.
      const r = await computeStepChanges({ ...step, decision: { ...d, choice: o.id } }, createTree(disk), project.config, registryOf(project));
      for (const c of r.changes) {
        base.files++;
        if (c.kind !== 'create') base.beforeBytes += c.before.length;
        if (c.kind !== 'delete') base.afterBytes += c.after.length;
      }
      out.push(base);
    } catch (e) {
      out.push({ ...base, error: (e as Error).message.split('\n')[0] });
    }
  }
  return out;
}
