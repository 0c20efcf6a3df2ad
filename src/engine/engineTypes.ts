// The engine's options and results (the types its callers see; the functions are engine.ts).
import type { Project } from '../config/loadProject.ts';
import type { PlanStep } from '../plan/planSchema.ts';
import type { Progress } from '../progress.ts';
import type { WriteFileFn } from './fileOps.ts';

export interface EngineOptions {
  /** Plan name (migration-plans/<name>.plan.json); default: the only plan, or 'epic'. */
  plan?: string;
  /** Progress lines for long work. */
  onProgress?: (message: string) => void;
  /** Counted progress of loops over steps (the CLI's bar / CI lines). */
  progress?: Progress;
}

export interface ApplyOptions extends EngineOptions {
  commit?: boolean;
  allowDirty?: boolean;
  /** Low-level temp-file write (tests inject failures through it). */
  writeFile?: WriteFileFn;
  /** What the caller runs around the steps (the CLI: src/cli/engineHooks.ts); none by default. */
  hooks?: EngineHooks;
}

/**
 * Work of layers above the engine (verify), passed in by the caller so the engine does not
 * import them. Each returns a line for the user.
 */
export interface EngineHooks {
  /** Before the first step of an empty journal is written (the CLI keeps the monolith baseline). */
  beforeFirstStep?: (project: Project) => Promise<string>;
  /** After a step is applied, when its plan step names processes to verify. */
  afterStep?: (project: Project, processes: string[]) => Promise<{ ok: boolean; summary: string }>;
}

/** 'absent': journalled as applied but its changes are gone from the files (git reset, checkout). */
export type StepState = 'pending' | 'applied' | 'skipped' | 'drifted' | 'interrupted' | 'absent';

export interface StepStatus {
  id: string;
  story: string;
  title: string;
  transform: string;
  state: StepState;
  /** Files whose content differs from the plan's recorded hashes (state 'drifted'). */
  drifted: string[];
  undecided: boolean;
  sizeImpact: PlanStep['sizeImpact'];
}

export interface PlanStatus {
  plan: string;
  file: string;
  steps: StepStatus[];
  /** A step whose apply or revert was interrupted: run recover. */
  interrupted?: string;
}
