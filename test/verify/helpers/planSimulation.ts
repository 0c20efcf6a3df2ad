// Runs the epic plan's codemods in memory (as the planner does: src/plan/epicPlanner.ts) and
// keeps the tree after every step, so verify can check each state of the migration.
import type { Project } from '../../../src/config/loadProject.ts';
import { snapshotProject } from '../../../src/plan/epicPlanner.ts';
import type { Workspace } from '../../../src/files/tree.ts';
import { EpicSimulation, type StepDraft } from '../../../codemods/lib/simulation.ts';
import { planStory36_1 } from '../../../codemods/story-36-1-extract-runtime.ts';
import { planStory36_2 } from '../../../codemods/story-36-2-federate.ts';
import { planShells } from '../../../codemods/story-36-3-to-6-shells.ts';

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
  planStory36_1(sim, aliasesOf);
  planStory36_2(sim);
  planShells(sim);
  return sim.trees;
}
