// Runs one transform on a fresh staged Tree over a workspace: validates the params with the
// transform's own zod schema (errors name the step, the transform and the field) and returns
// the staged changes plus the notes the transform reported.
import { MigrateError } from '../errors.ts';
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { FileChange, Workspace } from '../files/tree.ts';
import { createTree, type StagedTree } from '../stage/stagedTree.ts';
import type { Transform } from './types.ts';

export interface RunContext {
  config: ProjectConfig;
  /** The plan step this run is for (named in errors). */
  stepId?: string;
}

export function validateParams<P>(t: Transform<P>, params: unknown, stepId?: string): P {
  const parsed = t.params.safeParse(params ?? {});
  if (parsed.success) return parsed.data;
  const where = stepId ? `step '${stepId}' (${t.id})` : `transform ${t.id}`;
  const problems = parsed.error.issues.map((i) => `  - params.${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new MigrateError('PLAN-030', `${where} has invalid params:\n${problems.join('\n')}`, {
    hint: 'fix the params of this step in the plan file (or with `migrate next-step` -> edit params)',
  });
}

export function runTransform(t: Transform, ws: Workspace, params: unknown, ctx: RunContext): { changes: FileChange[]; notes: string[]; tree: StagedTree } {
  const p = validateParams(t, params, ctx.stepId);
  const notes: string[] = [];
  const tree = createTree(ws);
  try {
    t.apply(tree, p, { config: ctx.config, root: ws.root, report: (n) => notes.push(n) });
  } catch (e) {
    if (e instanceof MigrateError) throw e;
    const where = ctx.stepId ? `step '${ctx.stepId}' (${t.id})` : t.id;
    throw new MigrateError('APPLY-010', `${where} failed: ${(e as Error).message}`, {
      cause: e,
      hint: 'the transform threw; check its params and the files it reads',
    });
  }
  return { changes: tree.changes(), notes, tree };
}
