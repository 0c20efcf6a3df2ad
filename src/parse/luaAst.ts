// A loose view of luaparse nodes plus a generic walk. @types/luaparse lacks `range`, `isLocal`
// and `globals`, so the front end reads nodes through this shape instead of the bundled types.
import type { Chunk } from 'luaparse';

export interface LuaNode {
  type: string;
  range: [number, number];
  loc?: { start: { line: number; column: number }; end: { line: number; column: number } };
  [key: string]: unknown;
}

/** The chunk as a LuaNode (the parser always sets `range` because we ask for it). */
export const asNode = (ast: Chunk | LuaNode): LuaNode => ast as unknown as LuaNode;

const SKIP_KEYS = new Set(['loc', 'range', 'type', 'comments', 'globals', 'raw']);

function isNode(v: unknown): v is LuaNode {
  return !!v && typeof v === 'object' && typeof (v as LuaNode).type === 'string';
}

/**
 * Depth-first walk, parents before children, children in source order. `visit` may return
 * false to skip a node's children.
 */
export function walkLua(root: Chunk | LuaNode, visit: (n: LuaNode, parent: LuaNode | undefined) => boolean | void): void {
  const go = (node: LuaNode, parent: LuaNode | undefined): void => {
    if (visit(node, parent) === false) return;
    for (const key in node) {
      if (SKIP_KEYS.has(key)) continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const v of value) if (isNode(v)) go(v, node);
      } else if (isNode(value)) go(value, node);
    }
  };
  go(asNode(root), undefined);
}

/** 1-based line and column of a node's start. */
export function nodeStart(n: LuaNode): { line: number; column: number } {
  return { line: n.loc?.start.line ?? 0, column: (n.loc?.start.column ?? 0) + 1 };
}
