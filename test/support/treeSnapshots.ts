// Staged trees the planner and the transform tests chain step after step: the engine's
// createTree over a MemoryWorkspace, and "commit" = the staged result as the next base, so each
// step's changes() report only what that step did.
import { createTree, type StagedTree } from '../../src/stage/stagedTree.ts';
import type { Workspace } from '../../src/files/tree.ts';
import { MemoryWorkspace } from '../../src/stage/workspace.ts';

/** Every file of a workspace (or staged tree, writes included) as bytes, in path order. */
export function snapshotOf(ws: Workspace): Map<string, Buffer> {
  return new Map(ws.list().map((p) => [p, ws.read(p)!]));
}

/** A staged tree over a fresh memory workspace holding `files` (bytes kept exactly). */
export function treeOf(files: Record<string, string | Buffer>): StagedTree {
  return createTree(new MemoryWorkspace(files));
}

/** The tree's current files as a new base, so the next step starts from them. */
export function commit(tree: Workspace): StagedTree {
  return treeOf(Object.fromEntries(snapshotOf(tree)));
}
