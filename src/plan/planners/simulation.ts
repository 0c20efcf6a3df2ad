// Plans are made by doing: each step is applied in memory, in order, on a staged tree over
// the project, so its reads (path + sha256 before the step), its size impact per process and
// the budgets after it are measured, not guessed.
import type { ProjectConfig } from '../../config/projectConfig.ts';
import type { FileChange, Workspace } from '../../files/tree.ts';
import type { Transform } from '../../transform/types.ts';
import { createTree, type StagedTree } from '../../stage/stagedTree.ts';
import { MemoryWorkspace } from '../../stage/workspace.ts';
import { ClosureSizes, RUNTIME, type Sizes } from './closureSizes.ts';
import { sha256 } from '../../hash.ts';
import type { PlanStep, SizeImpact, Story } from './planTypes.ts';

export { RUNTIME, measure, type Sizes } from './closureSizes.ts';

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
  /** The project as the steps so far left it; each step's changes are folded into it. */
  private readonly base: MemoryWorkspace;
  tree: StagedTree;
  private readonly closureSizes: ClosureSizes;
  /** With symlinked copies in the snapshot a change can reach a closure under another path. */
  private readonly incremental: boolean;
  readonly steps: PlanStep[] = [];
  /** Processes whose requires go through the loader (their shell budget applies). */
  readonly federated = new Set<string>();
  /**
   * Processes an earlier planning pass left as monoliths (story 36.2: federating them does not
   * pay). A step that only serves them would only make their monoliths larger (a forwarder, a
   * wrapper per extracted module, longer names), so it is kept in the plan as skipped.
   */
  readonly monoliths = new Set<string>();
  readonly baseline: Sizes;

  constructor(
    base: Workspace,
    readonly config: ProjectConfig,
    readonly root: string,
    readonly canonical: (p: string) => string = (p) => p,
    /** Called with the project and its sizes after each step is folded in (a caller can check them). */
    private readonly afterFold?: (base: Workspace, sizes: Sizes) => void,
  ) {
    const paths = base.list();
    this.base = new MemoryWorkspace({}, base.root, canonical);
    for (const p of paths) {
      const real = canonical(p);
      if (real !== p) this.aliasesOf.set(real, [...(this.aliasesOf.get(real) ?? []), p]);
    }
    for (const p of paths) this.base.set(p, base.read(p)!, base.mode(p));
    this.tree = createTree(this.base);
    this.incremental = paths.every((p) => canonical(p) === p);
    this.closureSizes = new ClosureSizes(this.base, config, canonical);
    this.baseline = this.closureSizes.sizes;
  }

  sizes(): Sizes {
    return this.closureSizes.sizes;
  }

  /** Real path -> the other paths the snapshot holds the same file under (symlinked folders). */
  private readonly aliasesOf = new Map<string, string[]>();

  /** Plan-level notes: what the planner left out and why (printed by `migrate plan`). */
  readonly notes: string[] = [];

  /** The other paths (through symlinked folders) the file at real path `real` is reached by. */
  linkedPaths(real: string): string[] {
    return (this.aliasesOf.get(real) ?? []).filter((p) => this.base.exists(p));
  }

  /**
   * Removes a file from the base under every path it has: on disk, moving or deleting a file
   * makes it vanish from every symlinked folder that showed it.
   */
  private removeEverywhere(p: string): void {
    const real = this.canonical(p);
    for (const q of new Set([p, real, ...(this.aliasesOf.get(real) ?? [])])) this.base.remove(q);
  }

  /** Folds a step's changes into the base and brings the sizes up to date. */
  private fold(changes: FileChange[]): Sizes {
    for (const c of changes) {
      if (c.kind === 'delete') this.removeEverywhere(c.path);
      else if (c.kind === 'move') {
        this.removeEverywhere(c.from);
        this.base.set(c.to, c.after, c.mode);
      } else this.base.set(c.path, c.after, c.mode);
    }
    this.tree = createTree(this.base);
    const after = this.incremental ? this.closureSizes.update(this.base, changes) : this.closureSizes.refresh(this.base);
    this.afterFold?.(this.base, after);
    return after;
  }

  private lastId(): string[] {
    const last = [...this.steps].reverse().find((s) => s.transform !== 'decision');
    return last ? [last.id] : [];
  }

  /** Applies a step in memory and records it; returns undefined when it changes nothing. */
  run(draft: StepDraft): PlanStep | undefined {
    const before = this.sizes();
    const next = createTree(this.base);
    const notes: string[] = [];
    const parsed = draft.transform.params.parse(draft.params);
    draft.transform.apply(next, parsed, { config: this.config, root: this.root, report: (n) => notes.push(n) });
    const changes = next.changes();
    if (!changes.length) return undefined;
    const onlyMonoliths = this.onlyServesMonoliths(draft, changes, before);
    if (onlyMonoliths) {
      const why = `it only serves ${onlyMonoliths}, which stay(s) monoliths (federating them does not pay): it would make their monoliths larger`;
      const step: PlanStep = {
        id: draft.id,
        story: draft.story,
        title: draft.title,
        description: `${draft.description ?? ''}\nNot applied: ${why}. Set "federate": "always" in migrate.config.json to federate every process.`,
        transform: draft.transform.id,
        params: draft.params,
        dependsOn: [],
        reads: [],
        sizeImpact: [],
        notes: [...notes, `skipped: ${why}`],
        skip: true,
      };
      this.steps.push(step);
      return undefined;
    }
    const inputs = (draft.inputs?.(this.tree) ?? []).map((p) => ({ path: p, sha256: sha256(this.tree.read(p)!) }));
    const reads = changes.flatMap((c) =>
      c.kind === 'update' || c.kind === 'delete'
        ? [{ path: c.path, sha256: sha256(c.before) }]
        : c.kind === 'move'
          ? [{ path: c.from, sha256: sha256(c.before) }]
          : [],
    );
    const after = this.fold(changes);
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

  /**
   * Names of the processes a story 36.1-36.6 step serves when all of them stay monoliths
   * (undefined otherwise): those whose closure files (before the step) it changes; a step that
   * changes no process file (the runtime manifest) serves them all when none is federated.
   */
  private onlyServesMonoliths(draft: StepDraft, changes: FileChange[], before: Sizes): string | undefined {
    if (!this.monoliths.size || draft.story === '36.2') return undefined;
    const changed = new Set(changes.flatMap((c) => (c.kind === 'move' ? [c.from] : c.kind === 'create' ? [] : [c.path])));
    const touched = this.config.processes.map((p) => p.name).filter((name) => (before.files.get(name) ?? []).some((f) => changed.has(f)));
    const served = touched.length ? touched : this.config.processes.map((p) => p.name);
    return served.every((name) => this.monoliths.has(name)) ? served.join(', ') : undefined;
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
