// Clone units of one parsed Lua file: the whole file, and the top-level functions, tables and
// blocks (`if`/`do`/loops at file level, e.g. the inline JSON fallback of an entry), descending
// into top-level blocks and table constructors once. Each unit gets two normalised hashes:
// type 1 (same tokens: whitespace and comments ignored) and type 2 (identifiers renamed
// consistently by first occurrence, literals reduced to their kind).
//
// One walk per file: the whole tree is serialised once into a type-1 token stream (tokenStream.ts;
// token ids are content hashes, see similarity.ts) and every unit is a slice of that stream. The
// type-2 key of a unit is derived from its slice (type2.ts), the file's type-1 key from its text
// (fileType1.ts), its exported signatures from the top-level statements (exportedSignatures.ts).
// The result (FileAuditFacts) holds no AST and no path, so a worker thread can compute it and
// send it back (src/audit/factsPool.ts) and the same content is never analysed twice.
import type { Chunk } from 'luaparse';
import { asNode, lineLocator, nodeEndLine, nodeStart, type Locator, type LuaNode } from '../parse/luaAst.ts';
import { exportedSignatures, exprName } from './exportedSignatures.ts';
import { FileType1Hasher } from './fileType1.ts';
import { TokenStreamWriter, type Spans } from './tokenStream.ts';
import { streamKey, Type2Hasher } from './type2.ts';

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

interface Candidate {
  node: LuaNode;
  kind: UnitFacts['kind'];
  name: string;
  /** A function field of a table: a unit only when its table is not one (too small or too large). */
  table?: Candidate;
  unit?: UnitFacts;
}

/**
 * What extracts the facts of files: a token-stream writer and the type-1/type-2 hashers, each
 * with scratch buffers reused from file to file. One per audit session (auditSession.ts) or
 * worker thread (factsWorker.ts).
 */
export class FactsExtractor {
  readonly stream = new TokenStreamWriter();
  readonly type1 = new FileType1Hasher();
  readonly type2 = new Type2Hasher();
}

/** The facts of one parsed file. `text` is ParsedLua.text; `x` the extractor of this session or thread. */
export function fileAuditFacts(text: string, chunk: Chunk, x: FactsExtractor = new FactsExtractor()): FileAuditFacts {
  const ast = asNode(chunk);
  let locator: Locator | undefined;
  const loc = (): Locator => (locator ??= lineLocator(text));
  const lineOf = (n: LuaNode, end = false): number => (end ? nodeEndLine(n, n.loc ? undefined : loc()) : nodeStart(n, n.loc ? undefined : loc()).line);

  // The unit candidates, in the order units are listed.
  const candidates: Candidate[] = [];
  const spans: Spans = new Map();
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
          const label =
            args[0]?.type === 'StringLiteral' ? `${exprName(call.base as LuaNode)}(${JSON.stringify(args[0].value)})` : exprName(call.base as LuaNode);
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

  const { tokens, kinds } = x.stream.write(ast, spans);

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
      type2: x.type2.key(tokens, kinds, from, to),
    };
    units.push(c.unit);
  }
  return {
    type1: x.type1.key(text, (ast.comments as LuaNode[] | undefined) ?? []),
    endLine: Math.max(1, lineOf(ast, true)),
    tokens,
    kinds,
    units,
    signatures: [...exportedSignatures(chunk)],
  };
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
