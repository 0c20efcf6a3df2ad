// After a decision picks a variant: the variant changes files the steps after it were planned
// on (their recorded reads), so the plan is made again at once, the choice kept and simulated,
// and `apply --all` / next-step apply it and the steps after it on what it writes, instead of
// stopping at APPLY-020 ("re-plan"). Used by `decide` and by next-step's decision keys.
import path from 'node:path';
import type { Project } from '../config/loadProject.ts';
import { planEpic } from '../plan/epicPlanner.ts';
import { PLAN_DIR, savePlan } from '../plan/planFile.ts';
import { progressOf, type CommandIO } from './command.ts';

/** Re-plans when `choice` is a variant of an epic plan; returns the line to print, or undefined. */
export async function replanAfterChoice(
  project: Project,
  plan: { name: string; planner?: string },
  choice: string,
  io: CommandIO,
): Promise<string | undefined> {
  // keep-apart changes no file; a plan not made by `migrate plan` cannot be made again
  if (choice === 'keep-apart' || plan.planner !== 'epic') return undefined;
  const next = await planEpic(project, { name: plan.name, progress: progressOf(io) });
  await savePlan(path.join(project.root, PLAN_DIR, `${next.name}.plan.json`), next);
  return `re-planned ${next.name}: ${next.steps.length} steps, the steps after the choice planned on what it writes`;
}
