// The engine's public API (commands, the demo and other areas call these): plan status, dry
// runs, apply (one step or all), revert (one step or back to a step), rollback to the
// baseline and recover. Every function takes the Project and an options object.
import { registryOf } from '../transform/registry.ts';
import { MigrateError } from '../errors.ts';
import type { Project } from '../config/loadProject.ts';
import type { FileChange } from '../files/tree.ts';
import { DiskWorkspace } from '../stage/workspace.ts';
import { SessionWorkspace } from '../stage/sessionWorkspace.ts';
import { createTree } from '../stage/stagedTree.ts';
import { loadPlanFile } from '../plan/planFile.ts';
import type { Plan, PlanStep } from '../plan/planSchema.ts';
import { applyChangeset, recoverJournal, revertEntries, revertEntry, type RecoverAction } from './changeset.ts';
import { defaultWriteFile, type WriteFileFn } from './fileOps.ts';
import { JournalLog, readJournal, type JournalEntry } from './journal.ts';
import { sha256 } from '../hash.ts';
import { changesetHash, computeStepChanges, driftedFiles, resolveStep, stableJson, undecidedError } from './stepChanges.ts';
import { forgetDryRunStep, readDryRunRecord, saveDryRunSteps } from './dryRunRecord.ts';
import { compareWithBaseline, recordFileBaseline } from './fileBaseline.ts';
import { checkGitReady, commitStep } from './gitCommit.ts';
import { toolkitOutputDirs } from '../config/outputs.ts';
import { renderDiff, toGitPatch } from './unifiedDiff.ts';
import { withLock } from './lock.ts';
import { absentSteps } from './treePresence.ts';
import { ClosureGuard, refuseExcludedChanges, stageChanges } from './stepGuards.ts';
import { noProgress } from '../progress.ts';

export type { ApplyOptions, EngineHooks, EngineOptions, PlanStatus, StepState, StepStatus } from './engineTypes.ts';
import type { ApplyOptions, EngineOptions, PlanStatus, StepStatus } from './engineTypes.ts';

function findStep(plan: Plan, stepId: string): PlanStep {
  const step = plan.steps.find((s) => s.id === stepId);
  if (step) return step;
  const near = plan.steps.filter((s) => s.id.includes(stepId) || stepId.includes(s.id)).map((s) => s.id);
  throw new MigrateError('APPLY-001', `unknown step '${stepId}' in plan '${plan.name}'`, {
    hint: near.length ? `did you mean: ${near.slice(0, 5).join(', ')}?` : "run 'migrate status' for the step ids",
  });
}

function refuseInterrupted(journal: { entries: readonly JournalEntry[] }): void {
  const open = journal.entries.find((e) => e.state !== 'applied');
  if (open) {
    throw new MigrateError('JOURNAL-003', `the ${open.state === 'pending-apply' ? 'apply' : 'revert'} of step '${open.stepId}' was interrupted`, {
      hint: "run 'migrate recover' first (it restores the files to before or after that step)",
    });
  }
}

export async function planStatus(project: Project, opts: EngineOptions = {}): Promise<PlanStatus> {
  const { plan, file } = await loadPlanFile(project.root, opts.plan, registryOf(project));
  const journal = readJournal(project.root);
  const entries = new Map(journal.entries.map((e) => [e.stepId, e]));
  const ws = new DiskWorkspace(project.root);
  let blocked = false; // drift is only meaningful for the next step to apply
  const absent = absentSteps(project.root, journal.entries);
  const steps = plan.steps.map((s): StepStatus => {
    const entry = entries.get(s.id);
    const resolved = resolveStep(s);
    const base = {
      id: s.id,
      story: s.story,
      title: s.title,
      transform: s.transform,
      drifted: [] as string[],
      undecided: resolved.kind === 'undecided',
      sizeImpact: s.sizeImpact,
    };
    if (entry) return { ...base, state: entry.state !== 'applied' ? 'interrupted' : absent.has(s.id) ? 'absent' : 'applied' };
    if (resolved.kind === 'skip') return { ...base, state: 'skipped' };
    const drifted = blocked ? [] : driftedFiles(ws, s.reads);
    blocked = true;
    return { ...base, state: drifted.length ? 'drifted' : 'pending', drifted };
  });
  return { plan: plan.name, file, steps, interrupted: journal.entries.find((e) => e.state !== 'applied')?.stepId };
}

export interface DryRunStep {
  id: string;
  story: string;
  title: string;
  changes: FileChange[];
  notes: string[];
  skipped?: string;
  /** --all: a decision nobody has taken (shown as its options; nothing computed). */
  undecided?: boolean;
  /** --all: the undecided decision this step depends on (not computed). */
  blockedBy?: string;
}

export interface DryRunResult {
  steps: DryRunStep[];
  diffText: string;
  patch: string;
  /** Per process: bytes before the first and after the last step shown (plan projection). */
  sizeImpact: { process: string; beforeBytes: number; afterBytes: number }[];
  /** --all: the decisions nobody has taken (listed; later steps are shown as if kept apart, as planned). */
  undecided: string[];
}

function stepHeader(s: DryRunStep): string {
  if (s.undecided) return `# ${s.id}: undecided decision (not shown; the steps after it are as if kept apart)`;
  if (s.blockedBy) return `# ${s.id}: depends on the undecided decision ${s.blockedBy} (not shown)`;
  return s.skipped ? `# ${s.id}: skipped (${s.skipped})` : `# ${s.id} (${s.story}): ${s.title}`;
}

/** Computes (never writes) the steps' changes; several steps chain in memory in plan order. */
export async function dryRun(
  project: Project,
  stepIds: string[] | 'all',
  opts: EngineOptions & { color?: boolean; save?: boolean } = {},
): Promise<DryRunResult> {
  const { plan } = await loadPlanFile(project.root, opts.plan, registryOf(project));
  const applied = new Set(readJournal(project.root).entries.map((e) => e.stepId));
  const chosen = stepIds === 'all' ? plan.steps.filter((s) => !applied.has(s.id)) : stepIds.map((id) => findStep(plan, id));
  const disk = new SessionWorkspace(project.root);
  // Every step runs on a fresh overlay of `net`, which accumulates the steps shown so far.
  const net = createTree(disk);
  const out: DryRunStep[] = [];
  const saved: Parameters<typeof saveDryRunSteps>[1] = {};
  const guard = new ClosureGuard(project.config);
  // --all shows every step it can: an undecided decision is listed (the planner planned the
  // steps after it as if kept apart), a step depending on one is listed as blocked by it.
  const undecided: string[] = [];
  const blocked = new Map<string, string>();
  const task = (opts.progress ?? noProgress)('dry-run', chosen.length);
  for (const [i, step] of chosen.entries()) {
    opts.onProgress?.(`[${i + 1}/${chosen.length}] ${step.id}`);
    task.tick(i ? 1 : 0, step.id);
    const resolved = resolveStep(step);
    const blocker = step.dependsOn.map((d) => (undecided.includes(d) ? d : blocked.get(d))).find(Boolean);
    if (stepIds === 'all' && (resolved.kind === 'undecided' || blocker)) {
      if (resolved.kind === 'undecided') undecided.push(step.id);
      else blocked.set(step.id, blocker!);
      out.push({ id: step.id, story: step.story, title: step.title, changes: [], notes: [], ...(blocker ? { blockedBy: blocker } : { undecided: true }) });
      continue;
    }
    const r = await computeStepChanges(step, net, project.config, registryOf(project));
    // A dry run shows what apply would do, so it refuses what apply would refuse.
    refuseExcludedChanges(step.id, r.changes, project.config);
    guard.written(guard.check(step.id, net, r.changes));
    out.push({
      id: step.id,
      story: step.story,
      title: step.title,
      changes: r.changes,
      notes: r.notes,
      skipped: r.resolved.kind === 'skip' ? r.resolved.reason : undefined,
    });
    saved[step.id] = { changesetHash: changesetHash(r.changes), reads: r.reads, savedAt: new Date().toISOString(), chained: i > 0 };
    // The next step sees this one's result.
    stageChanges(net, r.changes);
  }
  if (opts.save) saveDryRunSteps(project.root, saved);
  const diffText = out.map((s) => `${stepHeader(s)}\n${renderDiff(s.changes, { color: opts.color ?? false, beforeMode: (f) => disk.mode(f) })}`).join('\n');
  const impact = new Map<string, { process: string; beforeBytes: number; afterBytes: number }>();
  for (const s of chosen.filter((c) => out.some((o) => o.id === c.id && !o.undecided && !o.blockedBy))) {
    for (const si of s.sizeImpact) {
      const cur = impact.get(si.process);
      impact.set(si.process, { process: si.process, beforeBytes: cur?.beforeBytes ?? si.beforeBytes, afterBytes: si.afterBytes });
    }
  }
  const computed = out.filter((o) => !o.undecided && !o.blockedBy).length;
  task.done(`${computed} step(s) computed${undecided.length ? `, ${undecided.length} undecided` : ''}${blocked.size ? `, ${blocked.size} blocked` : ''}`);
  return { steps: out, diffText, patch: toGitPatch(net.changes(), { beforeMode: (f) => disk.mode(f) }), sizeImpact: [...impact.values()], undecided };
}

export interface ApplyResult {
  stepId: string;
  changes: number;
  notes: string[];
  commit?: string;
  skipped?: string;
  baseline?: string;
  /** EngineHooks.afterStep's result. */
  verification?: { ok: boolean; summary: string };
}

export async function applyStep(project: Project, stepId: string, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const { plan } = await loadPlanFile(project.root, opts.plan, registryOf(project));
  return withLock(project.root, () => applyPlanStep(project, plan, findStep(plan, stepId), opts, newSession(project)));
}

/**
 * What one engine run keeps between its steps (one of each for every step of `apply --all`):
 * the run's view of the project, its closure check, and the journal as last read or written.
 */
interface EngineSession {
  disk: SessionWorkspace;
  guard: ClosureGuard;
  log: JournalLog;
}

const newSession = (project: Project): EngineSession => ({
  disk: new SessionWorkspace(project.root),
  guard: new ClosureGuard(project.config),
  log: new JournalLog(project.root),
});

async function applyPlanStep(project: Project, plan: Plan, step: PlanStep, opts: ApplyOptions, session: EngineSession): Promise<ApplyResult> {
  const root = project.root;
  const { disk, guard, log } = session;
  const journal = log.read();
  refuseInterrupted(journal);
  const applied = new Set(journal.entries.map((e) => e.stepId));
  if (applied.has(step.id)) {
    const gone = absentSteps(root, journal.entries).has(step.id);
    throw new MigrateError(
      'APPLY-002',
      `step '${step.id}' is ${gone ? 'journalled as applied, but its changes are gone from the files (a git reset or checkout?)' : 'already applied'}`,
      {
        hint: gone ? "run 'migrate recover --sync' to forget it in the journal, then apply it again" : `revert it first: migrate revert ${step.id}`,
      },
    );
  }
  const resolved = resolveStep(step);
  if (resolved.kind === 'undecided') throw undecidedError(step);
  if (resolved.kind === 'skip') return { stepId: step.id, changes: 0, notes: [], skipped: resolved.reason };
  for (const dep of step.dependsOn) {
    const d = plan.steps.find((s) => s.id === dep)!;
    if (!applied.has(dep) && resolveStep(d).kind !== 'skip') {
      throw new MigrateError('APPLY-003', `step '${step.id}' depends on '${dep}', which is not applied`, { hint: `apply it first: migrate apply ${dep}` });
    }
  }
  const drifted = driftedFiles(disk, step.reads);
  if (drifted.length) {
    throw new MigrateError('APPLY-020', `step '${step.id}': files changed since the plan was made:\n${drifted.map((p) => `  ${p}`).join('\n')}`, {
      hint: "re-plan with 'migrate plan' (or undo those edits) so the step is applied to what it was planned on",
    });
  }
  opts.onProgress?.(`computing ${step.id}`);
  const r = await computeStepChanges(step, disk, project.config, registryOf(project));
  const saved = readDryRunRecord(root).steps[step.id];
  if (saved) {
    const changedReads = driftedFiles(disk, saved.reads);
    if (changedReads.length) {
      throw new MigrateError('APPLY-021', `step '${step.id}': files changed since the dry run you saved:\n${changedReads.map((p) => `  ${p}`).join('\n')}`, {
        hint: `review again with 'migrate dry-run ${step.id} --save', then apply`,
      });
    }
    if (changesetHash(r.changes) !== saved.changesetHash) {
      throw new MigrateError('APPLY-022', `step '${step.id}' would now change something other than the dry run you saved`, {
        hint: `review again with 'migrate dry-run ${step.id} --save', then apply`,
      });
    }
  }
  const readOnly = r.changes.filter((c) => c.kind !== 'create' && ((disk.mode(c.kind === 'move' ? c.from : c.path) ?? 0o644) & 0o200) === 0);
  if (readOnly.length) {
    throw new MigrateError(
      'APPLY-030',
      `step '${step.id}' would change read-only files:\n${readOnly.map((c) => `  ${c.kind === 'move' ? c.from : c.path}`).join('\n')}`,
      {
        hint: 'make them writable (chmod u+w) if they are meant to be migrated, then apply again',
      },
    );
  }
  refuseExcludedChanges(step.id, r.changes, project.config);
  opts.onProgress?.(`re-resolving every process after ${step.id}`);
  const after = guard.check(step.id, disk, r.changes);
  if (opts.commit) checkGitReady(root, { allowDirty: opts.allowDirty, outputs: toolkitOutputDirs(project.config) });
  let baseline: string | undefined;
  if (journal.entries.length === 0) {
    recordFileBaseline(project);
    baseline = await opts.hooks?.beforeFirstStep?.(project);
  }
  opts.onProgress?.(`writing ${r.changes.length} file change(s) for ${step.id}`);
  const entry = applyChangeset(
    log,
    { stepId: step.id, transform: resolved.transform, story: step.story, title: step.title, paramsHash: sha256(stableJson(resolved.params)) },
    r.changes,
    opts.writeFile ?? defaultWriteFile,
  );
  disk.record(r.changes);
  guard.written(after);
  forgetDryRunStep(root, step.id);
  let commit: string | undefined;
  if (opts.commit) {
    const paths = entry.changes.flatMap((c) => (c.from ? [c.from, c.path] : [c.path]));
    commit = commitStep(root, step, paths);
    if (commit) log.recordCommit(step.id, commit);
  }
  const processes = step.verify?.processes ?? [];
  const verification = processes.length && opts.hooks?.afterStep ? await opts.hooks.afterStep(project, processes) : undefined;
  return { stepId: step.id, changes: r.changes.length, notes: r.notes, commit, baseline, ...(verification ? { verification } : {}) };
}

/** Applies every pending step in plan order; stops (throws) at the first failure or undecided decision. */
export async function applyAll(project: Project, opts: ApplyOptions = {}): Promise<{ applied: ApplyResult[]; skipped: string[] }> {
  const { plan } = await loadPlanFile(project.root, opts.plan, registryOf(project));
  const done = new Set(readJournal(project.root).entries.map((e) => e.stepId));
  const pending = plan.steps.filter((s) => !done.has(s.id));
  const applied: ApplyResult[] = [];
  const skipped: string[] = [];
  const task = (opts.progress ?? noProgress)('apply', pending.length);
  await withLock(project.root, async () => {
    const session = newSession(project);
    for (const [i, step] of pending.entries()) {
      opts.onProgress?.(`[${i + 1}/${pending.length}] ${step.id}`);
      const r = await applyPlanStep(project, plan, step, opts, session);
      if (r.skipped) skipped.push(step.id);
      else applied.push(r);
      task.tick(1, step.id);
    }
  });
  task.done(`${applied.length} applied, ${skipped.length} skipped, ${applied.reduce((n, r) => n + r.changes, 0)} file change(s)`);
  return { applied, skipped };
}

export async function revertStep(project: Project, stepId: string, opts: EngineOptions & { writeFile?: WriteFileFn } = {}): Promise<{ reverted: string[] }> {
  const log = new JournalLog(project.root);
  const journal = log.read();
  refuseInterrupted(journal);
  if (!journal.entries.some((e) => e.stepId === stepId)) {
    const { plan } = await loadPlanFile(project.root, opts.plan, registryOf(project));
    findStep(plan, stepId);
    throw new MigrateError('APPLY-050', `step '${stepId}' is not applied`, { hint: "see 'migrate status'" });
  }
  opts.onProgress?.(`reverting ${stepId}`);
  refuseAbsent(
    log,
    journal.entries.filter((e) => e.stepId === stepId),
  );
  await withLock(project.root, async () => revertEntry(log, stepId, opts.writeFile));
  return { reverted: [stepId] };
}

/** APPLY-053 when some of `entries` are no longer in the work tree (they cannot be reverted). */
function refuseAbsent(log: JournalLog, entries: readonly JournalEntry[]): void {
  const gone = absentSteps(log.root, log.read().entries);
  const ids = entries.filter((e) => gone.has(e.stepId)).map((e) => e.stepId);
  if (!ids.length) return;
  throw new MigrateError(
    'APPLY-053',
    `${ids.length} applied step(s) are no longer in the work tree (a git reset or checkout?): ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}`,
    {
      hint: "run 'migrate recover --sync' to forget them in the journal (then rollback/apply work again), or bring their commits back first (git reflog)",
    },
  );
}

/** Reverts entries (newest first) together: each file is written once (see revertEntries). */
function revertNewestFirst(log: JournalLog, entries: readonly JournalEntry[], opts: EngineOptions): void {
  if (!entries.length) return;
  refuseAbsent(log, entries);
  const ids = entries.map((e) => e.stepId);
  opts.onProgress?.(`reverting ${ids.length} step(s), newest first: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? `, … ${ids.at(-1)}` : ''}`);
  revertEntries(log, ids);
}

/** Reverts every step applied after `stepId` (newest first); `stepId` stays applied. */
export async function revertTo(project: Project, stepId: string, opts: EngineOptions = {}): Promise<{ reverted: string[] }> {
  const log = new JournalLog(project.root);
  const journal = log.read();
  refuseInterrupted(journal);
  const at = journal.entries.findIndex((e) => e.stepId === stepId);
  if (at < 0) {
    const { plan } = await loadPlanFile(project.root, opts.plan, registryOf(project));
    findStep(plan, stepId);
    throw new MigrateError('APPLY-050', `step '${stepId}' is not applied, so there is nothing to go back to`, {
      hint: "see 'migrate status'; 'migrate rollback' reverts everything",
    });
  }
  const later = journal.entries.slice(at + 1).reverse();
  await withLock(project.root, async () => revertNewestFirst(log, later, opts));
  return { reverted: later.map((e) => e.stepId) };
}

/** Reverts every applied step (newest first), then compares every file with baseline.json. */
export async function rollback(
  project: Project,
  opts: EngineOptions = {},
): Promise<{ identical: boolean; mismatches: string[]; reverted: string[]; hasBaseline: boolean }> {
  const log = new JournalLog(project.root);
  const journal = log.read();
  refuseInterrupted(journal);
  const entries = [...journal.entries].reverse();
  // Two phases: revert every step (one batch), then compare every file with the baseline.
  const task = (opts.progress ?? noProgress)('rollback', 2);
  task.tick(0, `reverting ${entries.length} step(s)`);
  await withLock(project.root, async () => revertNewestFirst(log, entries, opts));
  task.tick(1, 'comparing every file with the baseline');
  const { mismatches, hasBaseline } = compareWithBaseline(project);
  task.tick(1);
  task.done(`${entries.length} step(s) reverted, ${mismatches.length} file(s) differ from the baseline`);
  return { identical: mismatches.length === 0, mismatches, reverted: entries.map((e) => e.stepId), hasBaseline };
}

export async function recover(project: Project): Promise<{ action: RecoverAction; stepId?: string }> {
  return withLock(project.root, async () => recoverJournal(new JournalLog(project.root)));
}

/**
 * `recover --sync`: forgets the journal entries whose changes are gone from the work tree (see
 * treePresence.ts), newest first, so status, apply and rollback match the files again.
 */
export async function syncJournal(project: Project): Promise<{ forgotten: string[] }> {
  return withLock(project.root, async () => {
    const log = new JournalLog(project.root);
    const journal = log.read();
    refuseInterrupted(journal);
    const gone = absentSteps(project.root, journal.entries);
    const forgotten = journal.entries
      .filter((e) => gone.has(e.stepId))
      .map((e) => e.stepId)
      .reverse();
    if (forgotten.length) log.drop(forgotten, 'absent');
    return { forgotten };
  });
}
