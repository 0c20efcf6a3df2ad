// The type-1 token stream of a Lua tree: a node's head, then its children in source order, each
// token a content-hashed id (similarity.ts tokenHash) with its kind (TOKEN_KIND). A subtree's
// pre-order serialisation is contiguous, so every clone unit is a slice of its file's stream;
// the writer records the slice of each unit candidate it is given.
import { TOKEN_KIND, tokenHash } from './similarity.ts';
import { childKeys, type LuaNode } from '../parse/luaAst.ts';

const { head: HEAD, identifier: IDENT, string: STRING, number: NUMBER, boolean: BOOLEAN } = TOKEN_KIND;
const OPEN = tokenHash(HEAD, '[');
const CLOSE = tokenHash(HEAD, ']');

/** Node types that are never unit candidates (no span lookup for them: they are most nodes). */
const NEVER_UNITS = new Set([
  'CallExpression',
  'TableCallExpression',
  'StringCallExpression',
  'MemberExpression',
  'IndexExpression',
  'BinaryExpression',
  'LogicalExpression',
  'UnaryExpression',
  'TableKey',
  'TableKeyString',
  'TableValue',
  'LocalStatement',
  'AssignmentStatement',
  'CallStatement',
  'ReturnStatement',
  'IfClause',
  'ElseifClause',
  'ElseClause',
  'Chunk',
  'NilLiteral',
  'VarargLiteral',
  'BreakStatement',
]);

/** Where each unit candidate's tokens start and end in the stream (filled in by the writer). */
export type Spans = Map<LuaNode, [number, number]>;

/**
 * Writes token streams, one file at a time, into scratch buffers grown on demand and reused
 * from file to file; it also remembers the id of every token text it met (tokenHash is the id,
 * the tables only save hashing a token twice). One writer per audit session or worker thread.
 */
export class TokenStreamWriter {
  private ids = new Float64Array(1 << 16);
  private kinds = new Uint8Array(1 << 16);
  private len = 0;
  // Token ids looked up without building a string per token: identifiers and literals by their
  // text, node heads by type (plus the operator, indexer or `local` that is part of the head:
  // `BinaryExpression+`, `MemberExpression:`, `FunctionDeclaration:local`).
  private readonly identIds = new Map<string, number>();
  private readonly stringIds = new Map<string, number>();
  private readonly numberIds = new Map<string, number>();
  private readonly booleanIds = new Map<string, number>();
  private readonly headIds = new Map<string, number>();
  private readonly suffixedHeadIds = new Map<string, Map<string, number>>();

  /** The stream of `ast` (copied out of the scratch), with the token slice of each node in `spans`. */
  write(ast: LuaNode, spans: Spans): { tokens: Float64Array; kinds: Uint8Array } {
    this.len = 0;
    this.serialise(ast, spans);
    return { tokens: this.ids.slice(0, this.len), kinds: this.kinds.slice(0, this.len) };
  }

  private push(id: number, kind: number): void {
    if (this.len === this.ids.length) {
      const nextIds = new Float64Array(this.ids.length * 2);
      nextIds.set(this.ids);
      this.ids = nextIds;
      const nextKinds = new Uint8Array(this.kinds.length * 2);
      nextKinds.set(this.kinds);
      this.kinds = nextKinds;
    }
    this.ids[this.len] = id;
    this.kinds[this.len++] = kind;
  }

  private idOf(table: Map<string, number>, kind: number, value: string): number {
    let id = table.get(value);
    if (id === undefined) table.set(value, (id = tokenHash(kind, value)));
    return id;
  }

  /** Any node's head: its type, then its operator, its indexer, `:local` for a local function. */
  private headOf(n: LuaNode, type: string): number {
    let suffix = '';
    if (typeof n.operator === 'string') suffix += n.operator;
    if (typeof n.indexer === 'string') suffix += n.indexer;
    if (n.isLocal === true && type === 'FunctionDeclaration') suffix += ':local';
    if (suffix === '') return this.idOf(this.headIds, HEAD, type);
    let table = this.suffixedHeadIds.get(type);
    if (!table) this.suffixedHeadIds.set(type, (table = new Map()));
    let id = table.get(suffix);
    if (id === undefined) table.set(suffix, (id = tokenHash(HEAD, type + suffix)));
    return id;
  }

  /** One child value: a list is bracketed (its non-node entries skipped), a node is walked. */
  private child(v: unknown, spans: Spans): void {
    if (Array.isArray(v)) {
      this.push(OPEN, HEAD);
      for (let i = 0; i < v.length; i++) {
        const c = v[i] as LuaNode | null;
        if (c && typeof c === 'object' && typeof c.type === 'string') this.serialise(c, spans);
      }
      this.push(CLOSE, HEAD);
    } else if (v && typeof v === 'object' && typeof (v as LuaNode).type === 'string') this.serialise(v as LuaNode, spans);
  }

  /**
   * A node's head, then its children in source order (childKeys). For the nodes in `spans`
   * (unit candidates) the walk records where their tokens start and end.
   */
  private serialise(n: LuaNode, spans: Spans): void {
    const type = n.type;
    switch (type) {
      case 'Identifier':
        this.push(this.idOf(this.identIds, IDENT, n.name as string), IDENT);
        return;
      case 'StringLiteral':
        this.push(this.idOf(this.stringIds, STRING, typeof n.value === 'string' ? n.value : (n.raw as string)), STRING);
        return;
      case 'NumericLiteral':
        this.push(this.idOf(this.numberIds, NUMBER, n.raw as string), NUMBER);
        return;
      case 'BooleanLiteral':
        this.push(this.idOf(this.booleanIds, BOOLEAN, n.raw as string), BOOLEAN);
        return;
      default:
        break;
    }
    // Every other node: its head, then its children; a node of a type that can be a unit
    // (function, table, block) records where its tokens start and end.
    const span = NEVER_UNITS.has(type) ? undefined : spans.get(n);
    if (span) span[0] = this.len;
    this.push(this.headOf(n, type), HEAD);
    const keys = childKeys(n);
    for (let k = 0; k < keys.length; k++) this.child(n[keys[k]!], spans);
    if (span) span[1] = this.len;
  }
}
