// What a process's handlers read, from the Lua syntax tree of its whole closure (the monolith
// bundle: every module of the process in one chunk). Found here:
// - tag reads: `msg.Tags.X`, `msg.Tags["X"]`, and `msg.X` for a capitalised X that is not a
//   message field aos sets itself (aos copies every tag onto the message);
// - literals a tag is compared with (`msg.Tags.Action == "Buy"`): the most plausible values;
// - tags passed to tonumber (quantities);
// - JSON fields read from decoded Data (`local d = json.decode(msg.Data)`, also through pcall);
// - handlers registered with a literal name: their inline pattern function (comparisons that
//   select them) and the tags and fields their own inline body reads.
// Names, patterns and matchers built at run time (loops, wrapper functions) come from the live
// handler list instead (see discover.ts); this scan fills in what a function pattern tests.
import type { Chunk } from 'luaparse';
import { identName as ident, walkLua, type LuaNode } from '../../parse/luaAst.ts';
import { indexBundle, type BundleIndex } from './resolve.ts';
import { decodedArgPositions } from './dataShape.ts';
import { namedConstants, type NamedConstants } from './constants.ts';

/** Message fields aos sets itself: never synthesised as tags. */
export const MESSAGE_FIELDS = new Set([
  'From',
  'Owner',
  'Data',
  'Id',
  'Tags',
  'Timestamp',
  'Target',
  'Module',
  'Cron',
  'Anchor',
  'Signature',
  'Epoch',
  'Nonce',
  'Hash-Chain',
  'Block-Height',
  'Forwarded-By',
  'Forwarded-For',
  'TagArray',
  'reply',
  'forward',
]);

export interface ReadSet {
  /** Tag name -> literals it is compared with (in source order, unique). */
  tags: Map<string, string[]>;
  /** Tags passed to tonumber somewhere. */
  numeric: Set<string>;
  /** Tag -> numbers it is ordered against (`tonumber(msg.Tags.Quantity) > 0`): probed on each side. */
  bounds?: Map<string, number[]>;
  /** JSON fields read from decoded Data -> literals they are compared with. */
  dataFields: Map<string, (string | number | boolean)[]>;
}

export interface PatternFacts {
  /** Tag -> required value (== literal), or null when it must only be present (~= nil, truthy). */
  require: Map<string, string | null>;
  /** Tags that must be absent (== nil). */
  absent: Set<string>;
}

export interface StaticHandler {
  name: string;
  /** From an inline (or named local) pattern function, when there is one. */
  pattern?: PatternFacts;
  /** What the inline handle function reads, when it is inline. */
  reads?: ReadSet;
}

export interface ClosureScan {
  reads: ReadSet;
  handlers: Map<string, StaticHandler>;
  /** Modules and handler functions of the bundle (see resolve.ts). */
  index: BundleIndex;
  /** Parameter positions where a wrapper hands decoded Data to the function it wraps. */
  decodedArgs: Set<number>;
  /** Numbers and lists of names the closure gives names (constants.ts). */
  constants: NamedConstants;
}

const REGISTER = new Set(['add', 'append', 'prepend', 'once']);

export function emptyReads(): ReadSet {
  return { tags: new Map(), numeric: new Set(), dataFields: new Map() };
}

const str = (n: LuaNode | undefined): string | undefined => (n?.type === 'StringLiteral' && typeof n.value === 'string' ? n.value : undefined);

function literal(n: LuaNode | undefined): string | number | boolean | undefined {
  if (!n) return undefined;
  if (n.type === 'StringLiteral') return n.value as string;
  if (n.type === 'NumericLiteral') return n.value as number;
  if (n.type === 'BooleanLiteral') return n.value as boolean;
  return undefined;
}

/** The tag a node reads (`x.Tags.X`, `x.Tags["X"]`, `msg.X`), or undefined. */
export function tagRead(n: LuaNode): string | undefined {
  const base = n.base as LuaNode | undefined;
  if (n.type === 'MemberExpression' && base) {
    const name = ident(n.identifier as LuaNode);
    if (!name) return undefined;
    if (base.type === 'MemberExpression' && ident(base.identifier as LuaNode) === 'Tags') return name;
    if (base.type === 'Identifier' && /^(msg|m|message|Msg)$/.test(base.name as string) && /^[A-Z]/.test(name) && !MESSAGE_FIELDS.has(name)) return name;
  }
  if (n.type === 'IndexExpression' && base?.type === 'MemberExpression' && ident(base.identifier as LuaNode) === 'Tags') return str(n.index as LuaNode);
  return undefined;
}

function push<T>(m: Map<string, T[]>, k: string, v?: T): void {
  const list = m.get(k) ?? [];
  if (v !== undefined && !list.includes(v)) list.push(v);
  m.set(k, list);
}

/** Whether an expression mentions `.Data` (the argument of a decode of the message's data). */
function readsData(n: LuaNode): boolean {
  let found = false;
  walkLua(n, (x) => {
    if (x.type === 'MemberExpression' && ident(x.identifier as LuaNode) === 'Data') found = true;
    return !found;
  });
  return found;
}

function isDecodeCall(n: LuaNode | undefined): boolean {
  if (!n || n.type !== 'CallExpression') return false;
  const base = n.base as LuaNode;
  const args = (n.arguments as LuaNode[]) ?? [];
  const callee = base.type === 'MemberExpression' ? ident(base.identifier as LuaNode) : ident(base);
  if (callee && /decode/i.test(callee)) return args.some(readsData);
  // pcall(json.decode, msg.Data)
  if (callee === 'pcall' && args[0]?.type === 'MemberExpression' && /decode/i.test(ident(args[0].identifier as LuaNode) ?? ''))
    return args.slice(1).some(readsData);
  return false;
}

/** Variables holding decoded Data: `local d = json.decode(msg.Data)`, `local ok, d = pcall(json.decode, msg.Data)`. */
function decodedNames(root: LuaNode): Set<string> {
  const names = new Set<string>();
  walkLua(root, (n) => {
    if (n.type !== 'LocalStatement' && n.type !== 'AssignmentStatement') return;
    const init = (n.init as LuaNode[]) ?? [];
    const vars = (n.variables as LuaNode[]) ?? [];
    init.forEach((e, i) => {
      if (!isDecodeCall(e)) return;
      const pcallForm = ident(e.base as LuaNode) === 'pcall';
      const v = ident(vars[pcallForm ? i + 1 : i]);
      if (v) names.add(v);
    });
  });
  return names;
}

/** Tag and Data-field reads under `root`. */
export function collectReads(root: LuaNode | Chunk, into: ReadSet = emptyReads()): ReadSet {
  const decoded = decodedNames(root as LuaNode);
  walkLua(root, (n) => {
    const t = tagRead(n);
    if (t) push(into.tags, t);
    if (n.type === 'BinaryExpression' && (n.operator === '==' || n.operator === '~=')) {
      const [l, r] = [n.left as LuaNode, n.right as LuaNode];
      for (const [a, b] of [
        [l, r],
        [r, l],
      ] as const) {
        const tag = tagRead(a);
        const lit = str(b);
        if (tag && lit !== undefined) push(into.tags, tag, lit);
        const field = dataField(a, decoded);
        const v = literal(b);
        if (field && v !== undefined) push(into.dataFields, field, v);
      }
    }
    if (n.type === 'BinaryExpression' && /^[<>]=?$/.test(n.operator as string)) {
      for (const [a, b] of [
        [n.left, n.right],
        [n.right, n.left],
      ] as LuaNode[][]) {
        const inner = a!.type === 'CallExpression' && ident(a!.base as LuaNode) === 'tonumber' ? ((a!.arguments as LuaNode[]) ?? [])[0] : a;
        const tag = inner ? tagRead(inner) : undefined;
        if (tag && b!.type === 'NumericLiteral') {
          const list = (into.bounds ??= new Map()).get(tag) ?? [];
          if (!list.includes(b!.value as number)) list.push(b!.value as number);
          into.bounds.set(tag, list);
        }
      }
    }
    if (n.type === 'CallExpression' && ident(n.base as LuaNode) === 'tonumber') {
      const t2 = tagRead(((n.arguments as LuaNode[]) ?? [])[0] ?? ({} as LuaNode));
      if (t2) into.numeric.add(t2);
    }
    const f = dataField(n, decoded);
    if (f) push(into.dataFields, f);
  });
  return into;
}

function dataField(n: LuaNode, decoded: Set<string>): string | undefined {
  const base = n.base as LuaNode | undefined;
  if (!base || base.type !== 'Identifier' || !decoded.has(base.name as string)) return undefined;
  if (n.type === 'MemberExpression') return ident(n.identifier as LuaNode);
  if (n.type === 'IndexExpression') return str(n.index as LuaNode);
  return undefined;
}

/** What a pattern function requires: comparisons of tags with literals, presence, absence. */
export function patternFacts(fn: LuaNode): PatternFacts {
  const facts: PatternFacts = { require: new Map(), absent: new Set() };
  walkLua(fn, (n) => {
    if (n.type === 'BinaryExpression' && (n.operator === '==' || n.operator === '~=')) {
      const [l, r] = [n.left as LuaNode, n.right as LuaNode];
      const tag = tagRead(l) ?? tagRead(r);
      const other = tagRead(l) ? r : l;
      if (!tag) return;
      if (other.type === 'NilLiteral') {
        if (n.operator === '==') facts.absent.add(tag);
        else if (!facts.require.has(tag)) facts.require.set(tag, null);
      } else if (n.operator === '==' && str(other) !== undefined && !facts.require.get(tag)) facts.require.set(tag, str(other)!);
      return false;
    }
    if (n.type === 'LogicalExpression') {
      // a bare tag read as an operand of and/or is a truthiness test
      for (const side of [n.left, n.right] as LuaNode[]) {
        const tag = tagRead(side);
        if (tag && !facts.require.has(tag)) facts.require.set(tag, null);
      }
    }
  });
  return facts;
}

function isFunction(n: LuaNode | undefined): n is LuaNode {
  return n?.type === 'FunctionDeclaration';
}

/** Named functions of the closure (`local function f`, `function f`, `local f = function`), by name. */
function namedFunctions(ast: Chunk): Map<string, LuaNode> {
  const out = new Map<string, LuaNode>();
  walkLua(ast, (n) => {
    if (n.type === 'FunctionDeclaration' && n.identifier) {
      const id = n.identifier as LuaNode;
      const name = ident(id) ?? ident(id.identifier as LuaNode);
      if (name && !out.has(name)) out.set(name, n);
    }
    if (n.type === 'LocalStatement' || n.type === 'AssignmentStatement') {
      ((n.variables as LuaNode[]) ?? []).forEach((v, i) => {
        const f = ((n.init as LuaNode[]) ?? [])[i];
        const name = ident(v) ?? (v.type === 'MemberExpression' ? ident(v.identifier as LuaNode) : undefined);
        if (name && isFunction(f) && !out.has(name)) out.set(name, f);
      });
    }
  });
  return out;
}

/** Scans a process's closure (the monolith bundle's tree). */
export function scanClosure(ast: Chunk): ClosureScan {
  const reads = collectReads(ast);
  const fns = namedFunctions(ast);
  const handlers = new Map<string, StaticHandler>();
  walkLua(ast, (n) => {
    if (n.type !== 'CallExpression') return;
    const base = n.base as LuaNode;
    if (base.type !== 'MemberExpression' || ident(base.base as LuaNode) !== 'Handlers' || !REGISTER.has(ident(base.identifier as LuaNode) ?? '')) return;
    const args = (n.arguments as LuaNode[]) ?? [];
    const name = str(args[0]);
    if (name === undefined) return;
    const patternNode = args.length >= 3 ? args[1] : undefined;
    const handleNode = args.length >= 3 ? args[2] : args[1];
    const patternFn = isFunction(patternNode) ? patternNode : fns.get(ident(patternNode) ?? '\u0000');
    const handleFn = isFunction(handleNode) ? handleNode : fns.get(ident(handleNode) ?? '\u0000');
    handlers.set(name, {
      name,
      ...(patternFn ? { pattern: patternFacts(patternFn) } : {}),
      ...(handleFn ? { reads: collectReads(handleFn) } : {}),
    });
  });
  return {
    reads,
    handlers,
    index: indexBundle(ast),
    decodedArgs: decodedArgPositions(ast as unknown as LuaNode),
    constants: namedConstants(ast as unknown as LuaNode),
  };
}
