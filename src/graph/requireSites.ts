// Require sites of a parsed Lua file, read from the AST (so `require` inside strings and
// comments is never counted and two requires on one line are both found): `require("x")`,
// `require "x"`, `require [[x]]`, `pcall(require, "x")`, and the federated forms
// `Federation.require("x", "^1.0.0")` / `pcall(Federation.require, "x", r)` (flagged
// `federated`). A call through a local `require` (shadowed) is not a require. Non-literal
// names are reported as dynamic sites, never guessed. A require of a name the same file
// preloads (`package.preload["x"] = function`, an amalg bundle's own modules) is no site.
import type { Chunk } from 'luaparse';
import { lineLocator, nodeStart, walkLua, type Locator, type LuaNode } from '../parse/luaAst.ts';

export type RequireForm = 'paren' | 'bare-string' | 'long-string' | 'pcall';

export interface RequireSite {
  name: string;
  form: RequireForm;
  /** The string literal token incl. quotes/brackets, offsets into ParsedLua.text. */
  literalRange: [number, number];
  /** The whole call: require(...), require "x", pcall(require, "x"). */
  callRange: [number, number];
  /** Literal as written: "x" / 'x' / [[x]] / [==[x]==]. */
  raw: string;
  /** 1-based. */
  line: number;
  column: number;
  /** `X = require("x")` where X is a global. */
  assignedGlobal?: string;
  /** `Federation.require(...)` rather than plain `require`. */
  federated: boolean;
  /** Inside `pcall(...)`: the caller handles a failure. */
  guarded: boolean;
  /** Range of the callee (`require` or `Federation.require`). */
  calleeRange: [number, number];
  /** Range of the name between the delimiters (what a rename replaces). */
  nameRange: [number, number];
  /** Federated sites: the version range literal's value and range, when a literal. */
  version?: string;
  versionRange?: [number, number];
}

export interface DynamicRequireSite {
  expression: string;
  callRange: [number, number];
  line: number;
  column: number;
}

function requireCallee(n: LuaNode | undefined): { federated: boolean } | undefined {
  if (!n) return undefined;
  if (n.type === 'Identifier' && n.name === 'require') return n.isLocal === true ? undefined : { federated: false };
  if (n.type === 'MemberExpression' && n.indexer === '.') {
    const base = n.base as LuaNode;
    if (base.type === 'Identifier' && base.name === 'Federation' && base.isLocal !== true && (n.identifier as LuaNode).name === 'require') {
      return { federated: true };
    }
  }
  return undefined;
}

/** `package.preload["x"]` (or `_G.package.preload["x"]`) as an assignment target: "x". */
function packagePreloadName(v: LuaNode): string | undefined {
  if (v.type !== 'IndexExpression') return undefined;
  const base = v.base as LuaNode;
  if (base.type !== 'MemberExpression' || (base.identifier as LuaNode).name !== 'preload') return undefined;
  const pkg = base.base as LuaNode;
  const isPackage =
    (pkg.type === 'Identifier' && pkg.name === 'package') ||
    (pkg.type === 'MemberExpression' && (pkg.identifier as LuaNode).name === 'package' && (pkg.base as LuaNode).name === '_G');
  return isPackage ? stringValue(v.index as LuaNode) : undefined;
}

function stringValue(n: LuaNode | undefined): string | undefined {
  return n?.type === 'StringLiteral' && typeof n.value === 'string' ? n.value : undefined;
}

/** The range inside a literal's delimiters: `"x"`, `'x'`, `[[x]]`, `[==[x]==]`. */
function innerRange(lit: LuaNode): [number, number] {
  const raw = lit.raw as string;
  const [s, e] = lit.range;
  if (raw.startsWith('[')) {
    const open = /^\[=*\[/.exec(raw)![0].length;
    // Lua skips a newline right after the opening bracket; keep it outside the name.
    const skip = raw[open] === '\r' || raw[open] === '\n' ? 1 : 0;
    return [s + open + skip, e - open];
  }
  return [s + 1, e - 1];
}

/** Source text of a non-literal argument: sliced from `text` when given, else rebuilt. */
function expressionText(n: LuaNode | undefined, text?: string): string {
  if (!n) return '(no argument)';
  if (text !== undefined) return text.slice(n.range[0], n.range[1]);
  switch (n.type) {
    case 'Identifier':
      return n.name as string;
    case 'StringLiteral':
    case 'NumericLiteral':
      return n.raw as string;
    case 'MemberExpression':
      return `${expressionText(n.base as LuaNode)}${n.indexer as string}${expressionText(n.identifier as LuaNode)}`;
    case 'IndexExpression':
      return `${expressionText(n.base as LuaNode)}[${expressionText(n.index as LuaNode)}]`;
    case 'BinaryExpression':
    case 'LogicalExpression':
      return `${expressionText(n.left as LuaNode)} ${n.operator as string} ${expressionText(n.right as LuaNode)}`;
    case 'CallExpression':
      return `${expressionText(n.base as LuaNode)}(...)`;
    default:
      return `<${n.type}>`;
  }
}

/**
 * Every require site in source order. `text` (ParsedLua.text) is optional and only used to
 * quote a dynamic require's argument exactly.
 */
export function findRequires(ast: Chunk, text?: string): { sites: RequireSite[]; dynamic: DynamicRequireSite[] } {
  const { sites, dynamic } = scanLua(ast, text);
  return { sites, dynamic };
}

/** One walk: the require sites plus what the graph counts (functions, Federation mentions). */
export function scanLua(ast: Chunk, text?: string): { sites: RequireSite[]; dynamic: DynamicRequireSite[]; functions: number; usesFederation: boolean } {
  const sites: RequireSite[] = [];
  const dynamic: DynamicRequireSite[] = [];
  const globalOf = new Map<LuaNode, string>();
  let functions = 0;
  let usesFederation = false;
  let locator: Locator | undefined;
  // Names the file preloads itself (`package.preload["x"] = function ... end`, as an amalg bundle
  // does): its own `require("x")` loads that function, never a file, so it is not a site.
  const preloaded = new Set<string>();
  // Trees parsed without `locations` get positions from the text (built on first use).
  const at = (n: LuaNode) => nodeStart(n, n.loc || text === undefined ? undefined : (locator ??= lineLocator(text)));
  walkLua(ast, (n) => {
    if (n.type === 'FunctionDeclaration') {
      functions++;
      return;
    }
    if (n.type === 'Identifier') {
      if (n.name === 'Federation' && n.isLocal !== true) usesFederation = true;
      return;
    }
    if (n.type === 'AssignmentStatement') {
      const vars = n.variables as LuaNode[];
      (n.init as LuaNode[]).forEach((init, i) => {
        const v = vars[i];
        if (v?.type === 'Identifier' && v.isLocal !== true) globalOf.set(init, v.name as string);
        const own = v && init.type !== 'NilLiteral' ? packagePreloadName(v) : undefined;
        if (own !== undefined) preloaded.add(own);
      });
      return;
    }
    if (n.type !== 'CallExpression' && n.type !== 'StringCallExpression') return;
    const base = n.base as LuaNode;
    let callee = base;
    let kind = requireCallee(base);
    let args = n.type === 'CallExpression' ? (n.arguments as LuaNode[]) : [n.argument as LuaNode];
    let guarded = false;
    if (!kind && n.type === 'CallExpression' && base.type === 'Identifier' && base.name === 'pcall' && base.isLocal !== true) {
      kind = requireCallee(args[0]);
      if (!kind) return;
      callee = args[0]!;
      args = args.slice(1);
      guarded = true;
    }
    if (!kind) return;
    const lit = args[0];
    const name = stringValue(lit);
    if (name === undefined) {
      dynamic.push({ expression: expressionText(lit, text), callRange: n.range, ...at(n) });
      return;
    }
    const raw = lit!.raw as string;
    const form: RequireForm = guarded ? 'pcall' : n.type === 'CallExpression' ? 'paren' : raw.startsWith('[') ? 'long-string' : 'bare-string';
    const versionLit = kind.federated ? args[1] : undefined;
    const version = stringValue(versionLit);
    const assignedGlobal = globalOf.get(n);
    sites.push({
      name,
      form,
      literalRange: lit!.range,
      callRange: n.range,
      raw,
      ...at(n),
      ...(assignedGlobal ? { assignedGlobal } : {}),
      federated: kind.federated,
      guarded,
      calleeRange: callee.range,
      nameRange: innerRange(lit!),
      ...(version !== undefined ? { version, versionRange: versionLit!.range } : {}),
    });
  });
  const byStart = (a: { callRange: [number, number] }, b: { callRange: [number, number] }) => a.callRange[0] - b.callRange[0];
  const own = preloaded.size ? sites.filter((s) => s.federated || !preloaded.has(s.name)) : sites;
  return { sites: own.sort(byStart), dynamic: dynamic.sort(byStart), functions, usesFederation };
}

/** true when the file mentions the global `Federation` (a federated require, the mode flag). */
export function referencesFederation(ast: Chunk): boolean {
  let found = false;
  walkLua(ast, (n) => {
    if (found) return false;
    if (n.type === 'Identifier' && n.name === 'Federation' && n.isLocal !== true) found = true;
  });
  return found;
}
