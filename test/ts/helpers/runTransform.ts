// Runs a TS transform over a staged tree (createTree) the way the engine does: parse params with the
// transform's zod schema, apply (or inverse), collect the notes.
import type { Transform } from '../../../src/transform/types.ts';
import type { StagedTree } from '../../../src/stage/stagedTree.ts';
import { commit } from '../../support/treeSnapshots.ts';
import { fixtureConfig } from '../../support/fixtureConfig.ts';

export function step(
  tree: StagedTree,
  t: Transform<any>,
  rawParams: unknown,
  dir: 'apply' | 'inverse' = 'apply',
): { tree: StagedTree; notes: string[]; changed: number } {
  const notes: string[] = [];
  const params = t.params.parse(rawParams);
  // the same config the fixture folders run under (the TS transforms read only their params)
  const ctx = { config: fixtureConfig(['p']), root: tree.root, report: (n: string) => notes.push(n) };
  if (dir === 'apply') t.apply(tree, params, ctx);
  else t.inverse(tree, params, ctx);
  return { tree: commit(tree), notes, changed: tree.changes().length };
}
