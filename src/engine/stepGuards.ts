// What the engine proves about a step before anything is written (apply) or shown (dry run):
// it changes no file the config excludes (committed builds, vendored code, tests), and every
// process whose closure resolved before the step still resolves after it, on the staged tree.
// Both refuse with exit 2 and nothing written, naming the files / the process and the require.
import { MigrateError } from '../errors.ts';
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { FileChange, Workspace } from '../files/tree.ts';
import { createTree, type StagedTree } from '../stage/stagedTree.ts';
import { buildRequireGraph, type GraphProblem } from '../graph/requireGraph.ts';
import { isExcluded } from '../graph/luaFiles.ts';

/** Folds a changeset into a staged tree (the state the step would leave on disk). */
export function stageChanges(tree: StagedTree, changes: readonly FileChange[]): StagedTree {
  for (const c of changes) {
    if (c.kind === 'delete') tree.delete(c.path);
    else if (c.kind === 'move') {
      tree.rename(c.from, c.to);
      tree.write(c.to, c.after);
    } else {
      tree.write(c.path, c.after);
      if (c.mode !== undefined) tree.setMode(c.path, c.mode);
    }
  }
  return tree;
}

/** APPLY-031: a step may not update, delete or move away a file matched by config.exclude (or in buildDir). */
export function refuseExcludedChanges(stepId: string, changes: readonly FileChange[], config: ProjectConfig): void {
  const touched = changes.flatMap((c) => (c.kind === 'create' ? [] : [c.kind === 'move' ? c.from : c.path])).filter((p) => isExcluded(config, p));
  if (!touched.length) return;
  throw new MigrateError('APPLY-031', `step '${stepId}' would change files the config excludes:\n${touched.map((p) => `  ${p}`).join('\n')}`, {
    location: { file: touched[0]! },
    hint: 'excluded files (build output, vendored code, tests) are never rewritten: re-plan with `migrate plan`, or remove the glob from "exclude" if the file is a source',
  });
}

/** Per process: its unresolved requires (and a missing entry), as graph problems. */
export function closureProblems(config: ProjectConfig, ws: Workspace): Map<string, GraphProblem[]> {
  const graph = buildRequireGraph(config, ws);
  const out = new Map<string, GraphProblem[]>(config.processes.map((p) => [p.name, []]));
  const missing = new Map(graph.problems.filter((p) => p.kind === 'missing-entry').map((p) => [p.path, p]));
  for (const p of config.processes) {
    const m = missing.get(p.entry);
    if (m) out.get(p.name)!.push(m);
  }
  const unresolved = graph.problems.filter((p) => p.kind === 'unresolved-require' || p.kind === 'symlink-loop');
  for (const proc of graph.processes) {
    const paths = new Set(proc.modules.map((m) => graph.modules.get(m)?.path));
    out.get(proc.name)!.push(...unresolved.filter((u) => paths.has(u.path)));
  }
  return out;
}

/**
 * A problem's identity across a step: its kind and the require name (files move, so paths and
 * lines do not identify it). GraphProblem carries the name only in its message (`require("x") ...`).
 */
const keyOf = (p: GraphProblem): string => `${p.kind}:${/require\("([^"]*)"\)/.exec(p.message)?.[1] ?? p.path}`;

/**
 * Re-resolves every process's closure after a step. One per engine run: the state after a
 * step is the state before the next one (the run holds the project lock), so each state is
 * resolved once.
 */
export class ClosureGuard {
  /** The problems of the state the last written step left (valid while the run holds the lock). */
  private known?: Map<string, GraphProblem[]>;

  constructor(private readonly config: ProjectConfig) {}

  /**
   * APPLY-032 when a process would gain an unresolved require (or lose its entry). `disk` is
   * the state before the step, `changes` what the step would write. Returns the problems of
   * the state after it, for `written`.
   */
  check(stepId: string, disk: Workspace, changes: readonly FileChange[]): Map<string, GraphProblem[]> | undefined {
    if (!changes.length) return undefined;
    const before = this.known ?? closureProblems(this.config, disk);
    const now = closureProblems(this.config, stageChanges(createTree(disk), changes));
    const broken: { proc: string; line: string }[] = [];
    let first: GraphProblem | undefined;
    for (const [proc, problems] of now) {
      const had = new Set((before.get(proc) ?? []).map(keyOf));
      for (const p of problems) {
        if (had.has(keyOf(p))) continue;
        first ??= p;
        broken.push({ proc, line: `  process '${proc}': ${p.path}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.message}` });
      }
    }
    if (broken.length) {
      const procs = new Set(broken.map((b) => b.proc));
      throw new MigrateError(
        'APPLY-032',
        `step '${stepId}' would break ${procs.size} process(es) (${[...procs].join(', ')}); nothing was written:\n${broken.map((b) => b.line).join('\n')}`,
        {
          location: first && first.line ? { file: first.path, line: first.line, column: first.column } : undefined,
          hint: "the step's params no longer match the files (or a transform is wrong): re-plan with `migrate plan`, and check the step with `migrate dry-run <step>`",
        },
      );
    }
    return now;
  }

  /** The step was written: its after-state is the next step's before-state. */
  written(after: Map<string, GraphProblem[]> | undefined): void {
    if (after) this.known = after;
  }
}
