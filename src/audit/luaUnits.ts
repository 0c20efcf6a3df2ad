// Clone units of one parsed Lua file: the whole file, and the top-level functions, tables and
// blocks (`if`/`do`/loops at file level, e.g. the inline JSON fallback of an entry), descending
// into top-level blocks and table constructors once. Each unit gets two normalised hashes:
// type 1 (same tokens: whitespace and comments ignored) and type 2 (identifiers renamed
// consistently by first occurrence, literals reduced to their kind).
//
// One walk per file: the whole tree is serialised once into a type-1 token stream (token ids
// are content hashes, see similarity.ts) and every unit is a slice of that stream (a subtree's
// pre-order serialisation is contiguous). The type-2 stream of a unit is derived from its slice.
// The result (FileAuditFacts) holds no AST and no path, so a worker thread can compute it and
// send it back (src/audit/factsPool.ts) and the same content is never analysed twice.
import { createHash } from 'node:crypto';
import type { Chunk } from 'luaparse';
import { TOKEN_KIND, tokenId } from './similarity.ts';
import { streamKey, Type2Hasher } from './type2.ts';
import { asNode, childKeys, lineLocator, nodeEndLine, nodeStart, type Locator, type LuaNode } from '../parse/luaAst.ts';

export type UnitKind = 'file' | 'function' | 'table' | 'block';

/** A unit of one file, as extracted (no path: facts belong to the content). */
export interface UnitFacts {
  kind: Exclude<UnitKind, 'file'>;
  /** What the unit is called in the source: `M.deepCopy`, `json (table)`, `if (line 3)`. */
  name: string;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
  /** AST tokens in the unit (its size for thresholds): FileAuditFacts.tokens[from, from + nodes). */
  nodes: number;
  from: number;
  type1: string;
  type2: string;
}

/** Everything the duplication audit needs from one parsed file. */
export interface FileAuditFacts {
  /** Type-1 hash of the whole file from its text: comments dropped, whitespace squeezed. */
  type1: string;
  /** Line of the file's last token (>= 1). */
  endLine: number;
  /** Type-1 token stream of the whole file (content-hashed token ids). */
  tokens: Float64Array;
  /**
   * The TOKEN_KIND of each token of `tokens` (identifier, string, number, boolean; head for node
   * heads and list brackets): what a type-2 key renames. Carried with the facts, so facts made
   * in a worker thread need no lexing on the main thread to learn what their ids are.
   */
  kinds: Uint8Array;
  units: UnitFacts[];
  /** Exported function signatures, see exportedSignatures. */
  signatures: [string, string][];
}

export interface CloneUnit {
  path: string;
  kind: UnitKind;
  name: string;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
  bytes: number;
  nodes: number;
  type1: string;
  type2: string;
  /** Type-1 token ids, kept for near-duplicate scoring of mid-sized units (a view, no copy). */
  tokens?: Float64Array;
}

/** Units smaller than this many AST nodes are not reported (one-line getters are everywhere). */
export const MIN_UNIT_NODES = 24;
/** Units kept for near-duplicate scoring. */
export const NEAR_MIN_NODES = 40;
export const NEAR_MAX_NODES = 20_000;

// Token kinds (what the type-2 stream renames or reduces): node heads and list brackets are
// HEAD, booleans are the kind `boolean`.
const { head: HEAD, identifier: IDENT, string: STRING, number: NUMBER, boolean: BOOLEAN } = TOKEN_KIND;
const OPEN = tokenId(HEAD, '[');
const CLOSE = tokenId(HEAD, ']');

// Scratch buffers of the walk, grown on demand and reused from file to file: token ids and kinds.
let ids = new Float64Array(1 << 16);
let tags = new Uint8Array(1 << 16);
const type2 = new Type2Hasher();
let len = 0;

function push(id: number, tag: number): void {
  if (len === ids.length) {
    const nextIds = new Float64Array(ids.length * 2);
    nextIds.set(ids);
    ids = nextIds;
    const nextTags = new Uint8Array(tags.length * 2);
    nextTags.set(tags);
    tags = nextTags;
  }
  ids[len] = id;
  tags[len++] = tag;
}

// Token ids of the walk, looked up without building a string per token: identifiers and
// literals by their text, node heads by type (plus the operator, indexer or `local` that is part
// of the head: `BinaryExpression+`, `MemberExpression:`, `FunctionDeclaration:local`).
const identIds = new Map<string, number>();
const stringIds = new Map<string, number>();
const numberIds = new Map<string, number>();
const otherIds = new Map<string, number>();
const headIds = new Map<string, number>();
const suffixedHeadIds = new Map<string, Map<string, number>>();

function idOf(table: Map<string, number>, kind: number, value: string): number {
  let id = table.get(value);
  if (id === undefined) table.set(value, (id = tokenId(kind, value)));
  return id;
}

/** The head of a node of `type` whose head text is `type + suffix`. */
function suffixedHead(type: string, suffix: string): number {
  if (suffix === '') return idOf(headIds, HEAD, type);
  let table = suffixedHeadIds.get(type);
  if (!table) suffixedHeadIds.set(type, (table = new Map()));
  let id = table.get(suffix);
  if (id === undefined) table.set(suffix, (id = tokenId(HEAD, type + suffix)));
  return id;
}

/** Any node's head: its type, then its operator, its indexer, `:local` for a local function. */
function headOf(n: LuaNode, type: string): number {
  let suffix = '';
  if (typeof n.operator === 'string') suffix += n.operator;
  if (typeof n.indexer === 'string') suffix += n.indexer;
  if (n.isLocal === true && type === 'FunctionDeclaration') suffix += ':local';
  return suffixedHead(type, suffix);
}

/** One child value: a list is bracketed (its non-node entries skipped), a node is walked. */
function child(v: unknown, spans: Map<LuaNode, [number, number]>): void {
  if (Array.isArray(v)) {
    push(OPEN, HEAD);
    for (let i = 0; i < v.length; i++) {
      const c = v[i] as LuaNode | null;
      if (c && typeof c === 'object' && typeof c.type === 'string') serialise(c, spans);
    }
    push(CLOSE, HEAD);
  } else if (v && typeof v === 'object' && typeof (v as LuaNode).type === 'string') serialise(v as LuaNode, spans);
}

/** Node types that are never unit candidates (no span lookup for them: they are most nodes). */
const NEVER_UNITS = new Set([
  'CallExpression', 'TableCallExpression', 'StringCallExpression', 'MemberExpression', 'IndexExpression',
  'BinaryExpression', 'LogicalExpression', 'UnaryExpression', 'TableKey', 'TableKeyString', 'TableValue',
  'LocalStatement', 'AssignmentStatement', 'CallStatement', 'ReturnStatement', 'IfClause', 'ElseifClause',
  'ElseClause', 'Chunk', 'NilLiteral', 'VarargLiteral', 'BreakStatement',
]);

/**
 * Serialises a tree as its type-1 token stream into the scratch buffers: a node's head, then
 * its children in source order (childKeys; the common node types read their fields directly).
 * For the nodes in `spans` (unit candidates) the walk records where their tokens start and end.
 */
function serialise(n: LuaNode, spans: Map<LuaNode, [number, number]>): void {
  const type = n.type;
  switch (type) {
    case 'Identifier':
      push(idOf(identIds, IDENT, n.name as string), IDENT);
      return;
    case 'StringLiteral':
      push(idOf(stringIds, STRING, typeof n.value === 'string' ? n.value : (n.raw as string)), STRING);
      return;
    case 'NumericLiteral':
      push(idOf(numberIds, NUMBER, n.raw as string), NUMBER);
      return;
    case 'BooleanLiteral':
      push(idOf(otherIds, BOOLEAN, n.raw as string), BOOLEAN);
      return;
    default:
      break;
  }
  // Every other node: its head, then its children in source order; a node of a type that can
  // be a unit (function, table, block) records where its tokens start and end.
  const span = NEVER_UNITS.has(type) ? undefined : spans.get(n);
  if (span) span[0] = len;
  push(headOf(n, type), HEAD);
  const keys = childKeys(n);
  for (let k = 0; k < keys.length; k++) child(n[keys[k]!], spans);
  if (span) span[1] = len;
}

function exprName(n: LuaNode | undefined): string {
  if (!n) return '?';
  if (n.type === 'Identifier') return n.name as string;
  if (n.type === 'MemberExpression') return `${exprName(n.base as LuaNode)}${n.indexer as string}${exprName(n.identifier as LuaNode)}`;
  if (n.type === 'StringLiteral') return JSON.stringify(n.value);
  if (n.type === 'IndexExpression') return `${exprName(n.base as LuaNode)}[${exprName(n.index as LuaNode)}]`;
  return n.type;
}

// Word characters ([A-Za-z0-9_]) and /\s/ on one-byte text (\t \n \v \f \r, space, no-break space).
const WORD = new Uint8Array(256);
const SPACE = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 ? 1 : 0;
  SPACE[c] = (c >= 9 && c <= 13) || c === 32 || c === 160 ? 1 : 0;
}
let squeezed = new Uint8Array(1 << 16);

/**
 * Type-1 hash of a whole file from its text: every comment replaced by a space, then each run
 * of whitespace dropped, except one space between two word characters (`local x`).
 */
export function fileType1(text: string, comments: readonly LuaNode[]): string {
  if (squeezed.length < text.length) squeezed = new Uint8Array(Math.max(text.length, squeezed.length * 2));
  const out = squeezed;
  let o = 0;
  let prevWord = 0; // the last char written is a word char
  let pending = 0; // whitespace (or a comment) since the last char written
  let pos = 0;
  for (let k = 0; k <= comments.length; k++) {
    const c = comments[k];
    const to = c ? Math.max(pos, c.range[0]) : text.length;
    for (let i = pos; i < to; i++) {
      const ch = text.charCodeAt(i) & 255;
      if (SPACE[ch] === 1) {
        pending = 1;
        continue;
      }
      const word = WORD[ch]!;
      if (pending === 1) {
        if (prevWord === 1 && word === 1) out[o++] = 32;
        pending = 0;
      }
      out[o++] = ch;
      prevWord = word;
    }
    if (c) {
      pending = 1; // the comment became a space
      pos = c.range[1];
    }
  }
  return createHash('sha1').update(out.subarray(0, o)).digest('hex');
}

interface Candidate {
  node: LuaNode;
  kind: UnitFacts['kind'];
  name: string;
  /** A function field of a table: a unit only when its table is not one (too small or too large). */
  table?: Candidate;
  unit?: UnitFacts;
}

/** The facts of one parsed file. `text` is ParsedLua.text. */
export function fileAuditFacts(text: string, chunk: Chunk): FileAuditFacts {
  const ast = asNode(chunk);
  let locator: Locator | undefined;
  const loc = (): Locator => (locator ??= lineLocator(text));
  const lineOf = (n: LuaNode, end = false): number => (end ? nodeEndLine(n, n.loc ? undefined : loc()) : nodeStart(n, n.loc ? undefined : loc()).line);

  // The unit candidates, in the order units are listed.
  const candidates: Candidate[] = [];
  const spans = new Map<LuaNode, [number, number]>();
  const add = (node: LuaNode, kind: Candidate['kind'], name: string, table?: Candidate): Candidate => {
    const c: Candidate = { node, kind, name, ...(table ? { table } : {}) };
    candidates.push(c);
    if (!spans.has(node)) spans.set(node, [0, 0]);
    return c;
  };
  const value = (n: LuaNode | undefined, name: string): void => {
    if (!n) return;
    if (n.type === 'FunctionDeclaration') add(n, 'function', name);
    else if (n.type === 'TableConstructorExpression') {
      const table = add(n, 'table', name);
      for (const f of n.fields as LuaNode[]) {
        const key = f.type === 'TableKeyString' ? exprName(f.key as LuaNode) : f.type === 'TableKey' ? exprName(f.key as LuaNode) : '[]';
        if ((f.value as LuaNode)?.type === 'FunctionDeclaration') add(f.value as LuaNode, 'function', `${name}.${key}`, table);
      }
    }
  };
  const statements = (body: LuaNode[]): void => {
    for (const s of body) {
      switch (s.type) {
        case 'FunctionDeclaration':
          add(s, 'function', exprName(s.identifier as LuaNode));
          break;
        case 'LocalStatement':
        case 'AssignmentStatement':
          (s.init as LuaNode[]).forEach((init, i) => value(init, exprName((s.variables as LuaNode[])[i])));
          break;
        case 'CallStatement': {
          const call = s.expression as LuaNode;
          // `f{...}` (TableCallExpression) has one table as its `arguments`, not a list.
          const raw = call.arguments as LuaNode[] | LuaNode | undefined;
          const args = Array.isArray(raw) ? raw : raw ? [raw] : [];
          const label = args[0]?.type === 'StringLiteral' ? `${exprName(call.base as LuaNode)}(${JSON.stringify(args[0].value)})` : exprName(call.base as LuaNode);
          for (const a of args) value(a, label);
          break;
        }
        case 'IfStatement':
          add(s, 'block', `if (line ${lineOf(s)})`);
          for (const c of s.clauses as LuaNode[]) statements(c.body as LuaNode[]);
          break;
        case 'DoStatement':
        case 'WhileStatement':
        case 'RepeatStatement':
        case 'ForNumericStatement':
        case 'ForGenericStatement':
          add(s, 'block', `${s.type.replace('Statement', '').toLowerCase()} (line ${lineOf(s)})`);
          statements(s.body as LuaNode[]);
          break;
        default:
          break;
      }
    }
  };
  statements(ast.body as LuaNode[]);

  len = 0;
  serialise(ast, spans);
  const tokens = ids.slice(0, len);
  const kinds = tags.slice(0, len);

  const units: UnitFacts[] = [];
  for (const c of candidates) {
    // A table unit too small or too large to report still has function fields worth comparing.
    if (c.table && c.table.unit && c.table.unit.nodes <= NEAR_MAX_NODES) continue;
    const [from, to] = spans.get(c.node)!;
    if (to - from < MIN_UNIT_NODES) continue;
    const n = c.node;
    c.unit = {
      kind: c.kind,
      name: c.name,
      start: n.range[0],
      end: n.range[1],
      startLine: lineOf(n),
      endLine: lineOf(n, true),
      nodes: to - from,
      from,
      type1: streamKey(tokens.subarray(from, to)),
      type2: type2.key(tokens, kinds, from, to),
    };
    units.push(c.unit);
  }
  return {
    type1: fileType1(text, (ast.comments as LuaNode[] | undefined) ?? []),
    endLine: Math.max(1, lineOf(ast, true)),
    tokens,
    kinds,
    units,
    signatures: [...exportedSignatures(chunk)],
  };
}

// Facts by content hash (sha256 of the bytes), least recently used first, bounded by the bytes
// of their token streams: repeated audits (after each staged step) only analyse changed files,
// and a tree the parse cache evicted is not parsed again for facts already known.
const factsCache = new Map<string, FileAuditFacts>();
let factsCacheBytes = 0;
// 64 MB of tokens keep a 10x corpus whole; at 30x a re-audit analyses the evicted files again
// rather than hold ~400 MB after the audit for the commands that follow in the same process.
const FACTS_CACHE_LIMIT = 64 * 2 ** 20;

export function knownAuditFacts(hash: string): FileAuditFacts | undefined {
  const hit = factsCache.get(hash);
  if (hit) {
    factsCache.delete(hash);
    factsCache.set(hash, hit);
  }
  return hit;
}

export function clearAuditFactsCache(): void {
  factsCache.clear();
  factsCacheBytes = 0;
}

export function rememberAuditFacts(hash: string, facts: FileAuditFacts): void {
  if (factsCache.has(hash)) return;
  factsCache.set(hash, facts);
  factsCacheBytes += facts.tokens.byteLength + facts.kinds.byteLength;
  for (const [h, old] of factsCache) {
    if (factsCacheBytes <= FACTS_CACHE_LIMIT) break;
    factsCache.delete(h);
    factsCacheBytes -= old.tokens.byteLength + old.kinds.byteLength;
  }
}

/** The clone units of a file with its facts: the file unit first, then the others in source order. */
export function cloneUnits(path: string, text: string, bytes: number, facts: FileAuditFacts): CloneUnit[] {
  const out: CloneUnit[] = [
    {
      path,
      kind: 'file',
      name: path,
      start: 0,
      end: text.length,
      startLine: 1,
      endLine: facts.endLine,
      bytes,
      nodes: facts.units.reduce((s, u) => s + u.nodes, 0),
      type1: facts.type1,
      type2: '',
    },
  ];
  for (const u of facts.units) {
    out.push({
      path,
      kind: u.kind,
      name: u.name,
      start: u.start,
      end: u.end,
      startLine: u.startLine,
      endLine: u.endLine,
      bytes: u.end - u.start,
      nodes: u.nodes,
      type1: u.type1,
      type2: u.type2,
      ...(u.nodes >= NEAR_MIN_NODES && u.nodes <= NEAR_MAX_NODES ? { tokens: facts.tokens.subarray(u.from, u.from + u.nodes) } : {}),
    });
  }
  return out;
}

/** Exported function signatures: `function M.f(a, b)` / `M.f = function(a, b)` at top level. */
export function exportedSignatures(chunk: Chunk): Map<string, string> {
  const out = new Map<string, string>();
  const params = (f: LuaNode): string => (f.parameters as LuaNode[]).map((p) => (p.type === 'VarargLiteral' ? '...' : (p.name as string))).join(', ');
  for (const s of asNode(chunk).body as LuaNode[]) {
    if (s.type === 'FunctionDeclaration' && (s.identifier as LuaNode | null)?.type === 'MemberExpression') {
      const id = s.identifier as LuaNode;
      out.set(exprName(id.identifier as LuaNode), `${exprName(id)}(${params(s)})`);
    } else if (s.type === 'AssignmentStatement') {
      (s.variables as LuaNode[]).forEach((v, i) => {
        const init = (s.init as LuaNode[])[i];
        if (v.type === 'MemberExpression' && init?.type === 'FunctionDeclaration') out.set(exprName(v.identifier as LuaNode), `${exprName(v)}(${params(init)})`);
      });
    }
  }
  return out;
}
