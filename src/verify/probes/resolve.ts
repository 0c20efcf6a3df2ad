// Function resolution inside a monolith bundle, for probe synthesis: each module is a
// `package.preload["name"] = function(...) ... end` (the entry a `local __ao_federate_entry =
// function(...)`). Within a module (its scope), `local x = require("name")` names another
// module, `function M.f` / `M.f = function` / `local function f` define functions. A callee
// `f`, `x.f` or `M.f` is resolved to its FunctionDeclaration and the scope it lives in; and a
// handler registered through a wrapper (`addHandler("Buy", shop.buy)`) is found as the function
// passed next to its literal name.
import type { Chunk } from 'luaparse';
import { identName as ident, walkLua, type LuaNode } from '../../parse/luaAst.ts';
import type { Resolve } from './dataShape.ts';

interface Scope {
  node: LuaNode;
  requires: Map<string, string>;
  /** `f` (local or global function) and `M.f` (a field of a local table), by that text. */
  fns: Map<string, LuaNode>;
  /** What the module returns: its table's fields (`return M` -> `M.f`). */
  returned?: string;
}

export interface BundleIndex {
  resolve: Resolve;
  /** Handler name -> the functions passed next to that literal name in a call. */
  registered: Map<string, { fn: LuaNode; scope: LuaNode }[]>;
  /** Module name (`data.abilities.ability-database`) -> its body. */
  modules: Map<string, LuaNode>;
}

function fnName(n: LuaNode): string | undefined {
  if (ident(n)) return ident(n);
  if (n.type === 'MemberExpression') {
    const base = ident(n.base as LuaNode);
    const key = ident(n.identifier as LuaNode);
    return base && key ? `${base}.${key}` : undefined;
  }
  return undefined;
}

function scopeOf(node: LuaNode): Scope {
  const s: Scope = { node, requires: new Map(), fns: new Map() };
  walkLua(node, (n) => {
    if (n !== node && n.type === 'FunctionDeclaration') {
      const name = n.identifier ? fnName(n.identifier as LuaNode) : undefined;
      if (name && !s.fns.has(name)) s.fns.set(name, n);
    }
    if (n.type === 'LocalStatement' || n.type === 'AssignmentStatement') {
      const vars = (n.variables as LuaNode[]) ?? [];
      ((n.init as LuaNode[]) ?? []).forEach((e, i) => {
        const v = vars[i];
        if (!v) return;
        const name = fnName(v);
        if (name && e.type === 'FunctionDeclaration' && !s.fns.has(name)) s.fns.set(name, e);
        if (name && (e.type === 'CallExpression' || e.type === 'StringCallExpression') && ident(e.base as LuaNode) === 'require') {
          const arg = ((e.arguments as LuaNode[]) ?? [])[0] ?? (e.argument as LuaNode | undefined);
          if (arg?.type === 'StringLiteral') s.requires.set(name, arg.value as string);
        }
        // M.f = f (a local function exported)
        if (name && ident(e) && s.fns.has(ident(e)!) && !s.fns.has(name)) s.fns.set(name, s.fns.get(ident(e)!)!);
      });
    }
  });
  // the module's own `return M` (its last statement), not a nested function's return
  const last = ((node.body as LuaNode[]) ?? []).at(-1);
  if (last?.type === 'ReturnStatement') s.returned = ident(((last.arguments as LuaNode[]) ?? [])[0]);
  return s;
}

/** Indexes a monolith bundle's modules and the handler functions registered by name. */
export function indexBundle(ast: Chunk): BundleIndex {
  const modules = new Map<string, Scope>();
  const scopes = new Map<LuaNode, Scope>();
  const root = scopeOf(ast as unknown as LuaNode);
  scopes.set(ast as unknown as LuaNode, root);
  walkLua(ast, (n) => {
    if (n.type !== 'AssignmentStatement' && n.type !== 'LocalStatement') return;
    ((n.variables as LuaNode[]) ?? []).forEach((v, i) => {
      const e = ((n.init as LuaNode[]) ?? [])[i];
      if (e?.type !== 'FunctionDeclaration') return;
      const pre =
        v.type === 'IndexExpression' && (v.base as LuaNode).type === 'MemberExpression' && ident((v.base as LuaNode).identifier as LuaNode) === 'preload'
          ? (v.index as LuaNode)
          : undefined;
      if (pre?.type === 'StringLiteral') {
        const s = scopeOf(e);
        modules.set(pre.value as string, s);
        scopes.set(e, s);
      } else if (ident(v) === '__ao_federate_entry') scopes.set(e, scopeOf(e));
    });
  });
  const resolve: Resolve = (callee, from) => {
    const s = scopes.get(from) ?? root;
    const name = fnName(callee);
    if (!name) return undefined;
    const own = s.fns.get(name);
    if (own) return { fn: own, scope: s.node };
    const [base, key] = name.split('.');
    const modName = base ? s.requires.get(base) : undefined;
    const mod = modName ? modules.get(modName) : undefined;
    if (mod && key) {
      const fn = mod.fns.get(`${mod.returned ?? 'M'}.${key}`) ?? mod.fns.get(key);
      if (fn) return { fn, scope: mod.node };
    }
    const global = root.fns.get(name);
    return global ? { fn: global, scope: root.node } : undefined;
  };
  const registered = new Map<string, { fn: LuaNode; scope: LuaNode }[]>();
  for (const s of scopes.values()) {
    // the root walks every module: only when the bundle has no module scopes
    if (s === root && scopes.size > 1) continue;
    walkLua(s.node, (n) => {
      if (n.type !== 'CallExpression') return;
      const args = (n.arguments as LuaNode[]) ?? [];
      const name = args[0]?.type === 'StringLiteral' ? (args[0].value as string) : undefined;
      if (name === undefined) return;
      // a function passed next to the name, or into a wrapper call there (`wrap(shop.buy)`)
      const passed = args.slice(1).flatMap((a) => (a.type === 'CallExpression' ? [a, ...((a.arguments as LuaNode[]) ?? [])] : [a]));
      for (const a of passed) {
        if (a.type === 'CallExpression') continue;
        const hit = a.type === 'FunctionDeclaration' ? { fn: a, scope: s.node } : resolve(a, s.node);
        if (hit) registered.set(name, [...(registered.get(name) ?? []), hit]);
      }
    });
  }
  return { resolve, registered, modules: new Map([...modules].map(([name, sc]) => [name, sc.node])) };
}
