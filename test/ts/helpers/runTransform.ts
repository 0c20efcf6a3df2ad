// Runs a TS transform over an OverlayTree the way the engine does: parse params with the
// transform's zod schema, apply (or inverse), collect the notes.
import type { Transform } from '../../../src/transform/types.ts';
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import { commit, type OverlayTree } from '../../../src/audit/tsOverlayTree.ts';

export function step(tree: OverlayTree, t: Transform<any>, rawParams: unknown, dir: 'apply' | 'inverse' = 'apply'): { tree: OverlayTree; notes: string[]; changed: number } {
  const notes: string[] = [];
  const params = t.params.parse(rawParams);
  const ctx = { config: {} as ProjectConfig, root: tree.root, report: (n: string) => notes.push(n) };
  if (dir === 'apply') t.apply(tree, params, ctx);
  else t.inverse(tree, params, ctx);
  return { tree: commit(tree), notes, changed: tree.changes().length };
}
