// Test harness shared by the transform tests: run apply / inverse on an in-memory staged tree.
// The contract itself (apply == expected, re-parse, idempotent, exact inverse) is checked once,
// for every transform, by defineTransformTest.ts.
import type { ProjectConfig } from '../../src/config/projectConfig.ts';
import type { Transform, TransformContext } from '../../src/transform/types.ts';
import type { StagedTree } from '../../src/stage/stagedTree.ts';
import { commit, snapshotOf, treeOf } from './treeSnapshots.ts';
import { parseLua } from '../../src/parse/luaSource.ts';

export function contextFor(config: ProjectConfig, notes: string[] = []): TransformContext {
  return { config, root: '/memory', report: (n) => notes.push(n) };
}

export const textOf = (tree: StagedTree): Record<string, string> => Object.fromEntries([...snapshotOf(tree)].map(([p, b]) => [p, b.toString('latin1')]));

/** Applies `t` to `files`; returns the resulting tree (committed) and the notes. */
export function runApply<P>(t: Transform<P>, files: Record<string, string | Buffer>, params: unknown, config: ProjectConfig) {
  const notes: string[] = [];
  const tree = treeOf(toLatin1Buffers(files));
  t.apply(tree, t.params.parse(params), contextFor(config, notes));
  return { tree: commit(tree), changes: tree.changes(), notes };
}

export function runInverse<P>(t: Transform<P>, tree: StagedTree, params: unknown, config: ProjectConfig): StagedTree {
  const next = commit(tree);
  t.inverse(next, t.params.parse(params), contextFor(config));
  return commit(next);
}

/** Fixture strings are written as UTF-8 (so '\uFEFF' becomes a real BOM). */
function toLatin1Buffers(files: Record<string, string | Buffer>): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(files).map(([p, c]) => [p, Buffer.isBuffer(c) ? c : Buffer.from(c, 'utf8')]));
}

/** Every Lua file of the tree that does not parse (file: message). */
export function unparseable(tree: StagedTree): string[] {
  return tree
    .list()
    .filter((p) => p.endsWith('.lua'))
    .flatMap((p) => {
      const r = parseLua(tree.read(p)!, p);
      return r.ast ? [] : [`${p}: ${r.error?.message}`];
    });
}
