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

/** The name of an Identifier node (`x`), else undefined. */
export const identName = (n: LuaNode | undefined): string | undefined => (n?.type === 'Identifier' ? (n.name as string) : undefined);

/**
 * Child keys per node type, in source order. Reading known keys is several times faster than
 * `for...in` over every node (the walk runs on every file of every graph rebuild); unknown
 * types fall back to scanning all keys.
 */
const CHILD_KEYS: Record<string, readonly string[]> = {
  Chunk: ['body'],
  LabelStatement: [],
  BreakStatement: [],
  GotoStatement: [],
  ReturnStatement: ['arguments'],
  IfStatement: ['clauses'],
  IfClause: ['condition', 'body'],
  ElseifClause: ['condition', 'body'],
  ElseClause: ['body'],
  WhileStatement: ['condition', 'body'],
  DoStatement: ['body'],
  RepeatStatement: ['body', 'condition'],
  LocalStatement: ['variables', 'init'],
  AssignmentStatement: ['variables', 'init'],
  CallStatement: ['expression'],
  FunctionDeclaration: ['identifier', 'parameters', 'body'],
  ForNumericStatement: ['variable', 'start', 'end', 'step', 'body'],
  ForGenericStatement: ['variables', 'iterators', 'body'],
  Identifier: [],
  StringLiteral: [],
  NumericLiteral: [],
  BooleanLiteral: [],
  NilLiteral: [],
  VarargLiteral: [],
  TableKey: ['key', 'value'],
  TableKeyString: ['key', 'value'],
  TableValue: ['value'],
  TableConstructorExpression: ['fields'],
  UnaryExpression: ['argument'],
  BinaryExpression: ['left', 'right'],
  LogicalExpression: ['left', 'right'],
  MemberExpression: ['base', 'identifier'],
  IndexExpression: ['base', 'index'],
  CallExpression: ['base', 'arguments'],
  TableCallExpression: ['base', 'arguments'],
  StringCallExpression: ['base', 'argument'],
  Comment: [],
};

const SKIP_KEYS = new Set(['loc', 'range', 'type', 'comments', 'globals', 'raw']);

function isNode(v: unknown): v is LuaNode {
  return !!v && typeof v === 'object' && typeof (v as LuaNode).type === 'string';
}

/** The child keys of a node, in source order. */
export function childKeys(n: LuaNode): readonly string[] {
  return CHILD_KEYS[n.type] ?? Object.keys(n).filter((k) => !SKIP_KEYS.has(k));
}

/**
 * Depth-first walk, parents before children, children in source order. `visit` may return
 * false to skip a node's children.
 */
export function walkLua(root: Chunk | LuaNode, visit: (n: LuaNode, parent: LuaNode | undefined) => boolean | void): void {
  const go = (node: LuaNode, parent: LuaNode | undefined): void => {
    if (visit(node, parent) === false) return;
    const keys = CHILD_KEYS[node.type] ?? childKeys(node);
    for (let k = 0; k < keys.length; k++) {
      const value = node[keys[k]!];
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (isNode(value[i])) go(value[i] as LuaNode, node);
      } else if (isNode(value)) go(value, node);
    }
  };
  go(asNode(root), undefined);
}

/** Offset -> 1-based line/column, for trees parsed without `locations` (lighter to keep). */
export type Locator = (offset: number) => { line: number; column: number };

export function lineLocator(text: string): Locator {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** 1-based line and column of a node's start (from `loc`, else from the locator). */
export function nodeStart(n: LuaNode, locate?: Locator): { line: number; column: number } {
  if (n.loc) return { line: n.loc.start.line, column: n.loc.start.column + 1 };
  return locate ? locate(n.range[0]) : { line: 0, column: 0 };
}

/** 1-based line of a node's last character. */
export function nodeEndLine(n: LuaNode, locate?: Locator): number {
  if (n.loc) return n.loc.end.line;
  return locate ? locate(Math.max(n.range[0], n.range[1] - 1)).line : 0;
}
