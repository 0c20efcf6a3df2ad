// Finds the require sites of a parsed Lua file: `require("x")`, `require "x"`,
// `require [[x]]`, `pcall(require, "x")`, and the federated forms `Federation.require("x", r)`
// / `pcall(Federation.require, "x", r)` (so later steps and inverses see them too).
import type { LuaNode } from './luaSource.ts';
import { walkLua } from './luaSource.ts';

export type RequireForm = 'paren' | 'bare-string' | 'long-string' | 'pcall';

export interface RequireSite {
  name: string;
  form: RequireForm;
  /** true for Federation.require (plain require otherwise). */
  federated: boolean;
  /** Range of the string literal, quotes included. */
  literalRange: [number, number];
  /** Range of the text between the quotes (what a rename replaces). */
  nameRange: [number, number];
  /** Range of the callee (`require` or `Federation.require`). */
  calleeRange: [number, number];
  /** Range of the whole call expression. */
  callRange: [number, number];
  /** The version range argument of a federated call (range of that literal). */
  versionRange?: [number, number];
  raw: string;
  line: number;
  column: number;
  assignedGlobal?: string;
}

function isRequireCallee(n: LuaNode | undefined): { federated: boolean } | undefined {
  if (!n) return undefined;
  if (n.type === 'Identifier' && n.name === 'require') return { federated: false };
  if (
    n.type === 'MemberExpression' &&
    n.indexer === '.' &&
    (n.identifier as LuaNode).name === 'require' &&
    (n.base as LuaNode).type === 'Identifier' &&
    (n.base as LuaNode).name === 'Federation'
  ) {
    return { federated: true };
  }
  return undefined;
}

/** The text range inside a string literal's delimiters (`"x"`, `'x'`, `[[x]]`, `[==[x]==]`). */
function innerRange(lit: LuaNode): [number, number] {
  const raw = lit.raw as string;
  const [s, e] = lit.range;
  if (raw.startsWith('[')) {
    const open = /^\[=*\[/.exec(raw)![0].length;
    // A newline right after the opening bracket is skipped by Lua; keep it outside the name.
    const skip = raw[open] === '\r' || raw[open] === '\n' ? 1 : 0;
    return [s + open + skip, e - open];
  }
  return [s + 1, e - 1];
}

function literalName(lit: LuaNode): string | undefined {
  if (lit?.type !== 'StringLiteral') return undefined;
  const v = lit.value as string | null;
  return typeof v === 'string' ? v : undefined;
}

export function findRequires(ast: LuaNode): { sites: RequireSite[]; dynamic: { line: number; column: number }[] } {
  const sites: RequireSite[] = [];
  const dynamic: { line: number; column: number }[] = [];
  const globalsOf = new Map<LuaNode, string>();
  walkLua(ast, (n) => {
    // `Name = require("x")` (a global, not `local`): remember the target.
    if (n.type === 'AssignmentStatement') {
      const vars = n.variables as LuaNode[];
      const inits = n.init as LuaNode[];
      inits.forEach((init, i) => {
        const v = vars[i];
        if (v?.type === 'Identifier' && v.isLocal !== true) globalsOf.set(init, v.name as string);
      });
    }
    const at = (x: LuaNode) => ({ line: x.loc?.start.line ?? 0, column: (x.loc?.start.column ?? 0) + 1 });
    const push = (lit: LuaNode, form: RequireForm, callee: LuaNode, federated: boolean, version?: LuaNode) => {
      const name = literalName(lit);
      if (name === undefined) return;
      sites.push({
        name,
        form,
        federated,
        literalRange: lit.range,
        nameRange: innerRange(lit),
        calleeRange: callee.range,
        callRange: n.range,
        versionRange: version?.type === 'StringLiteral' ? version.range : undefined,
        raw: lit.raw as string,
        ...at(n),
        assignedGlobal: globalsOf.get(n),
      });
    };
    if (n.type === 'CallExpression' || n.type === 'StringCallExpression') {
      const base = n.base as LuaNode;
      const req = isRequireCallee(base);
      if (req) {
        const args = n.type === 'CallExpression' ? (n.arguments as LuaNode[]) : [n.argument as LuaNode];
        const lit = args[0];
        if (lit?.type !== 'StringLiteral') {
          dynamic.push(at(n));
          return;
        }
        const form: RequireForm =
          n.type === 'CallExpression' ? 'paren' : (lit.raw as string).startsWith('[') ? 'long-string' : 'bare-string';
        push(lit, form, base, req.federated, args[1]);
        return;
      }
      if (n.type === 'CallExpression' && base.type === 'Identifier' && base.name === 'pcall') {
        const args = n.arguments as LuaNode[];
        const inner = isRequireCallee(args[0]);
        if (inner && args[1]?.type === 'StringLiteral') push(args[1], 'pcall', args[0], inner.federated, args[2]);
      }
    }
  });
  return { sites, dynamic };
}
