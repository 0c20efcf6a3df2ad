// What a plan step does to the files: resolves decision and skip steps to a transform run (or
// nothing), runs it against a workspace (disk, or the staged result of earlier steps for a
// dry run of several), and fingerprints the changeset so apply can check it is what was shown.
import { MigrateError } from '../errors.ts';
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { FileChange, Workspace } from '../files/tree.ts';
import { requireIndexOf, type RequireNames } from '../graph/requireNameIndex.ts';
import { DECISION, type PlanStep } from '../plan/planSchema.ts';
import { builtInTransforms, type TransformRegistry } from '../transform/registry.ts';
import { runTransform } from '../transform/runTransform.ts';
import { fileSha256, sha256 } from '../hash.ts';

export type ResolvedStep = { kind: 'run'; transform: string; params: Record<string, unknown> } | { kind: 'skip'; reason: string } | { kind: 'undecided' };

/** Stable JSON (sorted keys) so equal params hash equally. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export function resolveStep(step: PlanStep): ResolvedStep {
  if (step.skip) return { kind: 'skip', reason: 'marked skip in the plan' };
  if (step.transform !== DECISION) return { kind: 'run', transform: step.transform, params: step.params };
  const d = step.decision;
  if (!d || d.choice === undefined) return { kind: 'undecided' };
  const option = d.options.find((o) => o.id === d.choice);
  if (!option?.params) return { kind: 'skip', reason: `decided: ${option?.label ?? d.choice}` };
  if (!d.transform) {
    throw new MigrateError('PLAN-011', `decision step '${step.id}' has no decision.transform to run the chosen option with`, {
      hint: 'add decision.transform (a registry id) to the step',
    });
  }
  return { kind: 'run', transform: d.transform, params: { ...step.params, ...option.params } };
}

export function undecidedError(step: PlanStep): MigrateError {
  return new MigrateError('PLAN-010', `step '${step.id}' is a decision nobody has taken yet: ${step.decision?.question ?? ''}`, {
    hint: `run 'migrate decide ${step.id} <option>' (options: ${step.decision?.options.map((o) => o.id).join(', ') ?? ''}), 'migrate decide --all keep-apart' to keep every open decision apart (no behaviour change), or 'migrate next-step' to choose interactively`,
  });
}

export interface StepChanges {
  changes: FileChange[];
  notes: string[];
  resolved: ResolvedStep;
  /** Every file the transform read, with the hash it had (absent files are left out). */
  reads: { path: string; sha256: string }[];
}

/** A workspace wrapper that remembers which files were read. */
class RecordingWorkspace implements Workspace {
  readonly seen = new Map<string, string>();
  constructor(private readonly base: Workspace) {}
  get root(): string {
    return this.base.root;
  }
  read(p: string): Buffer | undefined {
    const b = this.base.read(p);
    if (b) this.seen.set(p, fileSha256(b));
    return b;
  }
  exists(p: string): boolean {
    return this.base.exists(p);
  }
  list(dir?: string): string[] {
    return this.base.list(dir);
  }
  mode(p: string): number | undefined {
    return this.base.mode(p);
  }
  /**
   * The base's require index: a transform then reads only the files requiring what it renames.
   * A file it does not read cannot change its result unless it starts requiring such a name,
   * and then the changeset differs (APPLY-022 for a saved dry run, a new step otherwise).
   */
  requireNames(): RequireNames | undefined {
    return requireIndexOf(this.base);
  }
}

export async function computeStepChanges(
  step: PlanStep,
  ws: Workspace,
  config: ProjectConfig,
  transforms: TransformRegistry = builtInTransforms,
): Promise<StepChanges> {
  const resolved = resolveStep(step);
  if (resolved.kind === 'undecided') throw undecidedError(step);
  if (resolved.kind === 'skip') return { changes: [], notes: [], resolved, reads: [] };
  const t = await transforms.get(resolved.transform);
  const recording = new RecordingWorkspace(ws);
  const { changes, notes } = runTransform(t, recording, resolved.params, { config, stepId: step.id });
  const reads = [...recording.seen].map(([path, sha]) => ({ path, sha256: sha })).sort((a, b) => (a.path < b.path ? -1 : 1));
  return { changes, notes, resolved, reads };
}

/** A fingerprint of a changeset: paths, kinds, modes and the hashes of both sides. */
export function changesetHash(changes: FileChange[]): string {
  const parts = changes.map((c) => {
    switch (c.kind) {
      case 'create':
        return `create ${c.path} ${c.mode ?? ''} ${sha256(c.after)}`;
      case 'delete':
        return `delete ${c.path} ${sha256(c.before)}`;
      case 'update':
        return `update ${c.path} ${c.mode ?? ''} ${sha256(c.before)} ${sha256(c.after)}`;
      case 'move':
        return `move ${c.from} ${c.to} ${c.mode ?? ''} ${sha256(c.before)} ${sha256(c.after)}`;
    }
  });
  return sha256(parts.join('\n'));
}

/** Files whose disk hash differs from the recorded one (missing files included). */
export function driftedFiles(ws: Workspace, reads: { path: string; sha256: string }[]): string[] {
  return reads
    .filter((r) => {
      const b = ws.read(r.path);
      return !b || fileSha256(b) !== r.sha256;
    })
    .map((r) => r.path);
}

/** Bytes per process after the step, as the plan projected them. */
export function sizeImpactText(step: PlanStep): string[] {
  return step.sizeImpact.map((s) => {
    const d = s.afterBytes - s.beforeBytes;
    return `${s.process}: ${s.beforeBytes} -> ${s.afterBytes} bytes (${d >= 0 ? '+' : ''}${d})`;
  });
}
