// The epic planner: runs the graph and the duplicate analysis on the project and produces
// stories 36.1-36.6 as ordered steps, applying each step in memory to measure what it reads,
// what it does to every process's size, and whether a budget breaks (naming the modules).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Project } from '../config/loadProject.ts';
import { DiskWorkspace, MemoryWorkspace } from '../stage/workspace.ts';
import { EpicSimulation, RUNTIME, type Sizes } from './planners/simulation.ts';
import type { Workspace } from '../files/tree.ts';
import type { Plan, PlanStep } from './planners/planTypes.ts';
import { planExtractRuntime } from './planners/extractRuntime.ts';
import { planFederation } from './planners/federate.ts';
import { monolithBytes } from '../bundle/payoff.ts';
import { planShells } from './planners/shells.ts';
import { moduleNameForPath } from '../graph/resolveRequire.ts';
import { planTsSteps } from './tsPlanner.ts';
import { noProgress, type Progress } from '../progress.ts';

export type { Plan, PlanStep } from './planners/planTypes.ts';

export interface PlanSummary {
  stepsPerStory: Record<string, number>;
  /** Decisions not taken yet. */
  decisions: number;
  /** Projected bytes after the whole plan: each shell, the runtime, and each process's baseline. */
  sizes: { process: string; beforeBytes: number; afterBytes: number; percent: number }[];
  budgetBreaches: string[];
}

export interface ProjectSnapshot {
  /** Every file of the project in memory, symlinked copies under both paths. */
  ws: MemoryWorkspace;
  /** A path -> the path of the real file (symlinked folders resolved). */
  canonical: (p: string) => string;
  /** Module name -> the other names the same file has through symlinked folders. */
  aliasesOf: (name: string) => string[];
}

/**
 * Reads the project into memory. DiskWorkspace lists a file reached through a symlinked
 * folder under one path only (whichever the walk meets first); the planner needs the real
 * path too, so that each file is counted once and moved by its real path.
 */
export function snapshotProject(project: Project): ProjectSnapshot {
  const { config } = project;
  const disk = new DiskWorkspace(project.root);
  const files: Record<string, Buffer> = {};
  const real = new Map<string, string>();
  const aliases = new Map<string, string[]>();
  for (const p of disk.list()) {
    files[p] = disk.read(p)!;
    const r = disk.realPath(p) ?? p;
    if (r === p) continue;
    real.set(p, r);
    if (!files[r] && disk.read(r)) files[r] = disk.read(r)!;
    const name = moduleNameForPath(config, r);
    const alias = moduleNameForPath(config, p);
    if (name && alias) aliases.set(name, [...(aliases.get(name) ?? []), alias]);
  }
  return { ws: new MemoryWorkspace(files, project.root), canonical: (p) => real.get(p) ?? p, aliasesOf: (n) => aliases.get(n) ?? [] };
}

/** Raw bytes of each process's monolith before any step (undefined: the project does not bundle yet). */
function originalMonoliths(project: Project, ws: MemoryWorkspace): Map<string, number> | undefined {
  try {
    return monolithBytes(project.config, ws);
  } catch {
    return undefined; // story 36.2 then federates every process and says why in its steps
  }
}

/** Decisions taken in the existing plan of that name (re-planning keeps them). */
function previousChoices(project: Project, name: string): Map<string, string> {
  const file = path.join(project.root, 'migration-plans', `${name}.plan.json`);
  const out = new Map<string, string>();
  if (!existsSync(file)) return out;
  try {
    const old = JSON.parse(readFileSync(file, 'utf8')) as { steps?: { id: string; decision?: { choice?: string } }[] };
    for (const s of old.steps ?? []) if (s.decision?.choice) out.set(s.id, s.decision.choice);
  } catch {
    // an unreadable old plan is replaced; its choices are lost (the user is asked again)
  }
  return out;
}

/** `afterStep`: sees the project and its per-process sizes after each simulated step. */
export async function planEpic(
  project: Project,
  opts: { name?: string; progress?: Progress; afterStep?: (tree: Workspace, sizes: Sizes) => void } = {},
): Promise<Plan> {
  // Five phases, each a pass over the whole project (the step count is known only at the end).
  const task = (opts.progress ?? noProgress)('plan', 5);
  task.tick(0, 'reading the sources');
  const { ws, canonical, aliasesOf } = snapshotProject(project);
  const choices = previousChoices(project, opts.name ?? 'epic');
  const originals = originalMonoliths(project, ws);
  // Story 36.2 decides which processes pay to federate only after 36.1 built the runtime; the
  // 36.1 changes that serve only the others would make their monoliths larger. So plan again,
  // those processes known, until the set of monoliths is stable (it only grows; at most 3 passes).
  const monoliths = new Set<string>();
  let sim: EpicSimulation;
  for (let pass = 0; ; pass++) {
    sim = new EpicSimulation(ws, project.config, project.root, canonical, opts.afterStep);
    for (const [id, choice] of choices) sim.choices.set(id, choice);
    for (const name of monoliths) sim.monoliths.add(name);
    task.tick(pass ? 0 : 1, `story 36.1: shared runtime${pass ? ` (pass ${pass + 1}: ${monoliths.size} process(es) stay monoliths)` : ''}`);
    planExtractRuntime(sim, aliasesOf);
    task.tick(pass ? 0 : 1, 'story 36.2: federated requires');
    planFederation(sim, originals);
    const left = project.config.processes.map((p) => p.name).filter((n) => !sim.federated.has(n) && !monoliths.has(n));
    if (!left.length || pass >= 2) break;
    for (const n of left) monoliths.add(n);
  }
  // Specialising a process that stays a monolith into a shell only renames its modules.
  for (const p of project.config.processes) if (!sim.federated.has(p.name)) sim.monoliths.add(p.name);
  task.tick(1, 'stories 36.3-36.6: shells');
  planShells(sim);
  const steps: PlanStep[] = [...sim.steps];
  task.tick(1, 'the TS client');
  // The TS client steps (their own planner) run after the Lua ones, in story 36.6.
  const tsSteps = await planTsSteps(project);
  task.tick(1);
  task.done(`${steps.length + tsSteps.length} steps`);
  for (const ts of tsSteps) {
    steps.push({
      id: ts.id,
      story: '36.6',
      title: `Client: ${ts.description.replace(/\.$/, '')}`,
      description: [ts.description, ...ts.notes].join('\n'),
      transform: ts.transform,
      params: ts.params,
      dependsOn: steps.length ? [steps[steps.length - 1]!.id] : [],
      reads: [],
      sizeImpact: [],
      notes: ts.notes,
    });
  }
  return {
    name: opts.name ?? 'epic',
    version: 1,
    planner: 'epic',
    createdAt: new Date().toISOString(),
    baseline: Object.fromEntries(sim.baseline.bundle),
    budgets: project.config.budgets,
    steps,
    ...(sim.notes.length ? { notes: [...sim.notes] } : {}),
  };
}

/** Steps per story, projected sizes (last known after-bytes per process) and budget notes. */
export function summarisePlan(plan: Plan): PlanSummary {
  const stepsPerStory: Record<string, number> = {};
  const last = new Map<string, number>();
  const first = new Map<string, number>();
  for (const s of plan.steps) {
    stepsPerStory[s.story] = (stepsPerStory[s.story] ?? 0) + 1;
    for (const i of s.sizeImpact) {
      if (!first.has(i.process)) first.set(i.process, i.beforeBytes);
      last.set(i.process, i.afterBytes);
    }
  }
  const sizes = [...Object.keys(plan.baseline), RUNTIME].map((p) => {
    const before = plan.baseline[p] ?? first.get(p) ?? 0;
    const after = last.get(p) ?? first.get(p) ?? before;
    return { process: p, beforeBytes: before, afterBytes: after, percent: before ? Math.round((1000 * after) / before) / 10 : 0 };
  });
  return {
    stepsPerStory,
    decisions: plan.steps.filter((s) => s.transform === 'decision' && !s.decision?.choice).length,
    sizes,
    budgetBreaches: sizes
      .filter((s) => s.afterBytes > (s.process === RUNTIME ? plan.budgets.runtimeBytes : plan.budgets.shellBytes))
      .map((s) => `${s.process} ${s.afterBytes} B > ${s.process === RUNTIME ? plan.budgets.runtimeBytes : plan.budgets.shellBytes} B`),
  };
}
