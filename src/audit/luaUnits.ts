// Clone units of one parsed Lua file: the whole file, and the top-level functions, tables and
// blocks (`if`/`do`/loops at file level, e.g. the inline JSON fallback of an entry), descending
// into top-level blocks and table constructors once. Each unit gets two normalised hashes:
// type 1 (same tokens: whitespace and comments ignored) and type 2 (identifiers renamed
// consistently by first occurrence, literals reduced to their kind). Only top-level units are
// taken, so units of one file never overlap and the whole pass is linear in the file size.
import { createHash } from 'node:crypto';
import type { Chunk } from 'luaparse';
import { tokenId } from './similarity.ts';
import { asNode, childKeys, lineLocator, nodeEndLine, nodeStart, type Locator, type LuaNode } from '../parse/luaAst.ts';

export type UnitKind = 'file' | 'function' | 'table' | 'block';

export interface CloneUnit {
  path: string;
  kind: UnitKind;
  /** What the unit is called in the source: `M.deepCopy`, `json (table)`, `if (line 3)`. */
  name: string;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
  bytes: number;
  /** AST nodes in the unit (its size for thresholds). */
  nodes: number;
  type1: string;
  type2: string;
  /** Type-1 token ids, kept for near-duplicate scoring of mid-sized units. */
  tokens?: number[];
}

/** Units smaller than this many AST nodes are not reported (one-line getters are everywhere). */
export const MIN_UNIT_NODES = 24;
/** Units kept for near-duplicate scoring (token sequences are kept in memory for these only). */
export const NEAR_MIN_NODES = 40;
export const NEAR_MAX_NODES = 20_000;

const HEAD = 0;
const IDENT = 1;
const STRING = 2;
const NUMBER = 3;
const OTHER_LITERAL = 4;
const OPEN = tokenId(HEAD, '[');
const CLOSE = tokenId(HEAD, ']');
const ANY_STRING = tokenId(HEAD, 'S');
const ANY_NUMBER = tokenId(HEAD, 'N');
const ANY_BOOLEAN = tokenId(HEAD, 'B');

/**
 * Serialises a subtree as type-1 and type-2 token-id streams in one walk. Type 2 renames
 * identifiers by first occurrence (negative ids) and keeps only the kind of literals.
 */
function serialise(root: LuaNode): { t1: number[]; t2: number[] } {
  const t1: number[] = [];
  const t2: number[] = [];
  const ids = new Map<string, number>();
  const go = (n: LuaNode): void => {
    const type = n.type;
    switch (type) {
      case 'Identifier': {
        const name = n.name as string;
        let k = ids.get(name);
        if (k === undefined) ids.set(name, (k = ids.size));
        t1.push(tokenId(IDENT, name));
        t2.push(-1 - k);
        return;
      }
      case 'StringLiteral':
        t1.push(tokenId(STRING, typeof n.value === 'string' ? n.value : (n.raw as string)));
        t2.push(ANY_STRING);
        return;
      case 'NumericLiteral':
        t1.push(tokenId(NUMBER, n.raw as string));
        t2.push(ANY_NUMBER);
        return;
      case 'BooleanLiteral':
        t1.push(tokenId(OTHER_LITERAL, n.raw as string));
        t2.push(ANY_BOOLEAN);
        return;
      default:
        break;
    }
    let head = type;
    if (typeof n.operator === 'string') head += n.operator;
    if (typeof n.indexer === 'string') head += n.indexer;
    if (n.isLocal === true && type === 'FunctionDeclaration') head += ':local';
    const h = tokenId(HEAD, head);
    t1.push(h);
    t2.push(h);
    for (const key of childKeys(n)) {
      const v = n[key];
      if (Array.isArray(v)) {
        t1.push(OPEN);
        t2.push(OPEN);
        for (const c of v) if (c && typeof c === 'object' && typeof (c as LuaNode).type === 'string') go(c as LuaNode);
        t1.push(CLOSE);
        t2.push(CLOSE);
      } else if (v && typeof v === 'object' && typeof (v as LuaNode).type === 'string') go(v as LuaNode);
    }
  };
  go(root);
  return { t1, t2 };
}

const hashOf = (tokens: number[]): string => createHash('sha1').update(new Uint8Array(Int32Array.from(tokens).buffer)).digest('hex');

function exprName(n: LuaNode | undefined): string {
  if (!n) return '?';
  if (n.type === 'Identifier') return n.name as string;
  if (n.type === 'MemberExpression') return `${exprName(n.base as LuaNode)}${n.indexer as string}${exprName(n.identifier as LuaNode)}`;
  if (n.type === 'StringLiteral') return JSON.stringify(n.value);
  if (n.type === 'IndexExpression') return `${exprName(n.base as LuaNode)}[${exprName(n.index as LuaNode)}]`;
  return n.type;
}

/** Type-1 hash of a whole file from its text: comments dropped, whitespace squeezed. */
function fileType1(text: string, ast: LuaNode): string {
  const comments = (ast.comments as LuaNode[] | undefined) ?? [];
  let out = '';
  let pos = 0;
  for (const c of comments) {
    out += text.slice(pos, c.range[0]);
    out += ' ';
    pos = c.range[1];
  }
  out += text.slice(pos);
  // Whitespace only matters between two word characters (`local x`); elsewhere it is dropped.
  const word = (c: string | undefined): boolean => c !== undefined && /\w/.test(c);
  out = out.replace(/\s+/g, (m: string, at: number, all: string) => (word(all[at - 1]) && word(all[at + m.length]) ? ' ' : ''));
  return createHash('sha1').update(out, 'latin1').digest('hex');
}


// Trees come from the content-hash parse cache, so the same tree means the same content:
// repeated audits (after each staged step) only compute the units of changed files.
const unitCache = new WeakMap<object, CloneUnit[]>();

/** Every clone unit of a file (the file unit first). `text` is ParsedLua.text. */
export function cloneUnits(path: string, text: string, chunk: Chunk): CloneUnit[] {
  const hit = unitCache.get(chunk);
  if (hit) return hit[0]!.path === path ? hit : hit.map((u) => ({ ...u, path, ...(u.kind === 'file' ? { name: path } : {}) }));
  const units = computeUnits(path, text, chunk);
  unitCache.set(chunk, units);
  return units;
}

function computeUnits(path: string, text: string, chunk: Chunk): CloneUnit[] {
  const ast = asNode(chunk);
  const units: CloneUnit[] = [];
  let locator: Locator | undefined;
  const loc = (): Locator => (locator ??= lineLocator(text));
  const lineOf = (n: LuaNode, end = false): number => (end ? nodeEndLine(n, n.loc ? undefined : loc()) : nodeStart(n, n.loc ? undefined : loc()).line);
  const add = (n: LuaNode, kind: UnitKind, name: string): void => {
    const { t1, t2 } = serialise(n);
    if (t1.length < MIN_UNIT_NODES) return;
    units.push({
      path,
      kind,
      name,
      start: n.range[0],
      end: n.range[1],
      startLine: lineOf(n),
      endLine: lineOf(n, true),
      bytes: n.range[1] - n.range[0],
      nodes: t1.length,
      type1: hashOf(t1),
      type2: hashOf(t2),
      ...(t1.length >= NEAR_MIN_NODES && t1.length <= NEAR_MAX_NODES ? { tokens: t1 } : {}),
    });
  };
  const value = (n: LuaNode | undefined, name: string): void => {
    if (!n) return;
    if (n.type === 'FunctionDeclaration') add(n, 'function', name);
    else if (n.type === 'TableConstructorExpression') {
      const before = units.length;
      add(n, 'table', name);
      // A table unit too small or too large to report still has function fields worth comparing.
      if (units.length === before || units[units.length - 1]!.nodes > NEAR_MAX_NODES) {
        for (const f of n.fields as LuaNode[]) {
          const key = f.type === 'TableKeyString' ? exprName(f.key as LuaNode) : f.type === 'TableKey' ? exprName(f.key as LuaNode) : '[]';
          if ((f.value as LuaNode)?.type === 'FunctionDeclaration') add(f.value as LuaNode, 'function', `${name}.${key}`);
        }
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
          const args = (call.arguments as LuaNode[] | undefined) ?? [];
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
  units.push({
    path,
    kind: 'file',
    name: path,
    start: 0,
    end: text.length,
    startLine: 1,
    endLine: Math.max(1, lineOf(ast, true)),
    bytes: text.length,
    nodes: 0,
    type1: fileType1(text, ast),
    type2: '',
  });
  statements(ast.body as LuaNode[]);
  units[0]!.nodes = units.slice(1).reduce((n, u) => n + u.nodes, 0);
  return units;
}

/** Type-1 tokens of a whole file (computed on demand: only for file pairs worth scoring). */
export function fileTokens(chunk: Chunk): number[] {
  return serialise(asNode(chunk)).t1;
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
