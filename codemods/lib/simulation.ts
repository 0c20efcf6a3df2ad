// Plans are made by doing: each step is applied in memory, in order, on a staged tree over
// the project, so its reads (path + sha256 before the step), its size impact per process and
// the budgets after it are measured, not guessed.
import type { ProjectConfig } from '../../src/config/projectConfig.ts';
import type { Workspace } from '../../src/stage/tree.ts';
import type { Transform } from '../../src/transform/types.ts';
import { createTree, type StagedTree } from '../../src/stage/stagedTree.ts';
import { commit } from './treeSnapshots.ts';
import { isRuntimePath, processClosures } from '../../transforms/lua/lib/luaProject.ts';
import { sha256 } from '../../src/hash.ts';
import type { PlanStep, SizeImpact, Story } from './planTypes.ts';

export const RUNTIME = 'runtime';

export interface Sizes {
  /** process -> bytes of its closure outside the runtime (its shell), plus 'runtime'. */
  shell: Map<string, number>;
  /** process -> bytes of its whole closure (its everything-bundle). */
  bundle: Map<string, number>;
  /** process -> closure files, for budget explanations. */
  files: Map<string, string[]>;
}

export function measure(ws: Workspace, config: ProjectConfig, canonical?: (p: string) => string): Sizes {
  const closures = processClosures(ws, config, canonical);
  const size = (f: string) => ws.read(f)?.length ?? 0;
  const shell = new Map<string, number>();
  const bundle = new Map<string, number>();
  const files = new Map<string, string[]>();
  for (const [proc, closure] of closures) {
    const own = closure.filter((f) => !isRuntimePath(config, f));
    shell.set(proc, own.reduce((n, f) => n + size(f), 0));
    bundle.set(proc, closure.reduce((n, f) => n + size(f), 0));
    files.set(proc, own);
  }
  const runtimeFiles = ws.list(config.runtime.dir).filter((f) => f.endsWith('.lua'));
  shell.set(RUNTIME, runtimeFiles.reduce((n, f) => n + size(f), 0));
  files.set(RUNTIME, runtimeFiles);
  return { shell, bundle, files };
}

export interface StepDraft {
  id: string;
  story: Story;
  title: string;
  description?: string;
  transform: Transform<unknown>;
  params: Record<string, unknown>;
  verify?: { processes: string[] };
  /** Files the step reads without changing them (hashed as they are before the step). */
  inputs?: (tree: Workspace) => string[];
}

export class EpicSimulation {
  tree: StagedTree;
  readonly steps: PlanStep[] = [];
  /** Processes whose requires go through the loader (their shell budget applies). */
  readonly federated = new Set<string>();
  readonly baseline: Sizes;

  constructor(
    base: Workspace,
    readonly config: ProjectConfig,
    readonly root: string,
    readonly canonical: (p: string) => string = (p) => p,
  ) {
    this.tree = createTree(base);
    this.baseline = measure(base, config, canonical);
  }

  sizes(): Sizes {
    return measure(this.tree, this.config, this.canonical);
  }

  private lastId(): string[] {
    const last = [...this.steps].reverse().find((s) => s.transform !== 'decision');
    return last ? [last.id] : [];
  }

  /** Applies a step in memory and records it; returns undefined when it changes nothing. */
  run(draft: StepDraft): PlanStep | undefined {
    const before = this.sizes();
    const next = commit(this.tree);
    const notes: string[] = [];
    const parsed = draft.transform.params.parse(draft.params);
    draft.transform.apply(next, parsed, { config: this.config, root: this.root, report: (n) => notes.push(n) });
    const changes = next.changes();
    if (!changes.length) return undefined;
    const inputs = (draft.inputs?.(this.tree) ?? []).map((p) => ({ path: p, sha256: sha256(this.tree.read(p)!) }));
    const reads = changes.flatMap((c) => (c.kind === 'update' || c.kind === 'delete' ? [{ path: c.path, sha256: sha256(c.before) }] : c.kind === 'move' ? [{ path: c.from, sha256: sha256(c.before) }] : []));
    this.tree = commit(next);
    const after = this.sizes();
    const sizeImpact: SizeImpact[] = [];
    for (const [proc, b] of before.shell) {
      const a = after.shell.get(proc) ?? 0;
      if (a !== b) sizeImpact.push({ process: proc, beforeBytes: b, afterBytes: a });
    }
    const budget = this.budgetNotes(after, new Set(sizeImpact.map((i) => i.process)));
    const step: PlanStep = {
      id: draft.id,
      story: draft.story,
      title: draft.title,
      description: [draft.description, ...budget].filter(Boolean).join('\n') || undefined,
      transform: draft.transform.id,
      params: draft.params,
      dependsOn: this.lastId(),
      reads: [...new Map([...inputs, ...reads].map((r) => [r.path, r])).values()].sort((x, y) => x.path.localeCompare(y.path)),
      sizeImpact,
      verify: draft.verify,
      notes: [...notes, ...budget],
    };
    this.steps.push(step);
    return step;
  }

  /** Decisions already taken (step id -> option id), carried over from the previous plan. */
  readonly choices = new Map<string, string>();

  /**
   * Records a decision step. When the user already chose an option with params (in the
   * previous plan of the same name), the choice is kept and simulated, so the steps after it
   * are planned on the tree the choice produces.
   */
  record(step: PlanStep, transform?: Transform<unknown>): void {
    const choice = this.choices.get(step.id);
    const option = step.decision?.options.find((o) => o.id === choice);
    if (!option || !step.decision) {
      this.steps.push(step);
      return;
    }
    step.decision.choice = option.id;
    if (!option.params || !transform) {
      this.steps.push(step);
      return;
    }
    const simulated = this.run({ id: step.id, story: step.story, title: step.title, description: step.description, transform, params: option.params });
    if (!simulated) {
      this.steps.push(step);
      return;
    }
    // run() pushed a normal step: turn it back into the decision, keeping what it measured.
    this.steps.pop();
    this.steps.push({ ...step, reads: simulated.reads, sizeImpact: simulated.sizeImpact, notes: simulated.notes, dependsOn: simulated.dependsOn });
  }

  /** Budget breaches after a step among the sizes it changed, each naming the heaviest modules. */
  budgetNotes(s: Sizes, changed: Set<string>): string[] {
    const out: string[] = [];
    const biggest = (files: string[]) =>
      files
        .map((f) => [f, this.tree.read(f)?.length ?? 0] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([f, n]) => `${f} (${n} B)`)
        .join(', ');
    const runtime = s.shell.get(RUNTIME) ?? 0;
    if (changed.has(RUNTIME) && runtime > this.config.budgets.runtimeBytes) {
      out.push(`budget: runtime ${runtime} B > ${this.config.budgets.runtimeBytes} B; largest: ${biggest(s.files.get(RUNTIME) ?? [])}`);
    }
    for (const proc of this.federated) {
      const bytes = s.shell.get(proc) ?? 0;
      if (changed.has(proc) && bytes > this.config.budgets.shellBytes) {
        out.push(`budget: ${proc} shell ${bytes} B > ${this.config.budgets.shellBytes} B; largest: ${biggest(s.files.get(proc) ?? [])}`);
      }
    }
    return out;
  }
}
