// Runs the epic plan's codemods in memory (as the planner does: src/plan/epicPlanner.ts) and
// keeps the tree after every step, so verify can check each state of the migration.
import type { Project } from '../../../src/config/loadProject.ts';
import { snapshotProject } from '../../../src/plan/epicPlanner.ts';
import type { Workspace } from '../../../src/files/tree.ts';
import { EpicSimulation, type StepDraft } from '../../../src/plan/planners/simulation.ts';
import { planExtractRuntime } from '../../../src/plan/planners/extractRuntime.ts';
import { planFederation } from '../../../src/plan/planners/federate.ts';
import { planShells } from '../../../src/plan/planners/shells.ts';

class RecordingSimulation extends EpicSimulation {
  readonly trees: { id: string; tree: Workspace }[] = [];

  override run(draft: StepDraft) {
    const step = super.run(draft);
    // Each run commits a new tree and leaves the earlier ones as they were.
    if (step) this.trees.push({ id: step.id, tree: this.tree });
    return step;
  }
}

/** The tree after each applied step of the Lua stories (36.1-36.6), in plan order. */
export function simulatePlan(project: Project): { id: string; tree: Workspace }[] {
  const { ws, canonical, aliasesOf } = snapshotProject(project);
  const sim = new RecordingSimulation(ws, project.config, project.root, canonical);
  planExtractRuntime(sim, aliasesOf);
  planFederation(sim);
  planShells(sim);
  return sim.trees;
}
