// Small behaviour changes planted in Lua sources for `npm run probe-strength`: a numeric
// constant +1, a comparison flipped, a field dropped from a table built inside a call (a reply
// or a sent message). Only sites inside function bodies are taken (code that runs on messages,
// not data tables). Sites are chosen with a seeded PRNG, so a seed gives the same mutants.
import { parseLuaOrThrow } from '../../src/parse/luaSource.ts';
import { walkLua, type LuaNode } from '../../src/parse/luaAst.ts';

export interface Mutant {
  file: string;
  /** Set when the site is in code aos never runs (a fallback for a module aos provides). */
  unreachable?: string;
  kind: 'constant' | 'comparison' | 'dropped-field';
  start: number;
  end: number;
  replacement: string;
  /** e.g. `3 -> 4` */
  what: string;
  line: number;
}

const FLIP: Record<string, string> = { '<': '<=', '<=': '<', '>': '>=', '>=': '>', '==': '~=', '~=': '==' };

/** Every candidate mutation site of one file (text as parsed, latin1 offsets). */
export function mutationSites(file: string, text: string): Mutant[] {
  const { ast } = parseLuaOrThrow(text, file, { lean: true });
  const fns: [number, number][] = [];
  walkLua(ast, (n) => {
    if (n.type === 'FunctionDeclaration') fns.push([(n.body as LuaNode[])[0]?.range[0] ?? n.range[1], n.range[1]]);
  });
  const inCode = (n: LuaNode) => fns.some(([a, b]) => n.range[0] >= a && n.range[1] <= b);
  const line = (offset: number) => text.slice(0, offset).split('\n').length;
  const dead = unreachableOnAos(ast as unknown as LuaNode);
  const deadAt = (start: number) => dead.find(([a, b]) => start >= a && start < b)?.[2];
  const out: Mutant[] = [];
  walkLua(ast, (n, parent) => {
    if (!inCode(n)) return;
    if (n.type === 'NumericLiteral' && Number.isInteger(n.value) && !(parent?.type === 'IndexExpression')) {
      const v = n.value as number;
      out.push({
        file,
        kind: 'constant',
        start: n.range[0],
        end: n.range[1],
        replacement: String(v + 1),
        what: `${text.slice(n.range[0], n.range[1])} -> ${v + 1}`,
        line: line(n.range[0]),
      });
    }
    if (n.type === 'BinaryExpression' && FLIP[n.operator as string]) {
      const l = n.left as LuaNode;
      const r = n.right as LuaNode;
      const gap = text.slice(l.range[1], r.range[0]);
      const at = gap.indexOf(n.operator as string);
      if (at >= 0) {
        const op = n.operator as string;
        out.push({
          file,
          kind: 'comparison',
          start: l.range[1] + at,
          end: l.range[1] + at + op.length,
          replacement: FLIP[op]!,
          what: `${op} -> ${FLIP[op]}`,
          line: line(l.range[0]),
        });
      }
    }
    if (n.type === 'TableConstructorExpression' && (parent?.type === 'CallExpression' || parent?.type === 'TableCallExpression')) {
      const fields = (n.fields as LuaNode[]).filter((f) => f.type === 'TableKeyString');
      for (const f of fields) {
        const key = (f.key as LuaNode).name as string;
        if (key === 'Target') continue;
        // the field and the separator after it
        let end = f.range[1];
        const rest = text.slice(end);
        const sep = /^\s*[,;]/.exec(rest);
        if (sep) end += sep[0].length;
        out.push({ file, kind: 'dropped-field', start: f.range[0], end, replacement: '', what: `field ${key} dropped`, line: line(f.range[0]) });
      }
    }
  });
  for (const m of out) {
    const why = deadAt(m.start);
    if (why) m.unreachable = why;
  }
  return out;
}

/** Modules every aos process has: a `pcall(require, X)` of one never fails there. */
const AOS_MODULES = new Set([
  'json',
  '.json',
  '.crypto',
  '.base64',
  '.utils',
  '.handlers',
  '.handlers-utils',
  '.process',
  '.ao',
  '.bint',
  'bint',
  '.pretty',
  '.dump',
  '.stringify',
  '.assignment',
  '.boot',
  '.default',
  '.eval',
]);

/**
 * Ranges of code aos never runs: the branch taken when `local ok, m = pcall(require, "json")`
 * (or another module aos provides) failed, i.e. `if not ok then ...` / `if not m then ...`,
 * and `if not ok then return ... end` early exits inside functions.
 */
export function unreachableOnAos(ast: LuaNode): [number, number, string][] {
  const guards = new Map<string, string>();
  walkLua(ast, (n) => {
    if (n.type !== 'LocalStatement') return;
    const init = ((n.init as LuaNode[]) ?? [])[0];
    const args = (init?.arguments as LuaNode[]) ?? [];
    if (init?.type !== 'CallExpression' || (init.base as LuaNode).name !== 'pcall' || (args[0] as LuaNode | undefined)?.name !== 'require') return;
    const mod = args[1]?.type === 'StringLiteral' ? String(args[1].value ?? (args[1].raw as string).slice(1, -1)) : undefined;
    if (!mod || !AOS_MODULES.has(mod)) return;
    for (const v of (n.variables as LuaNode[]) ?? []) if (v.type === 'Identifier') guards.set(v.name as string, mod);
  });
  const out: [number, number, string][] = [];
  if (!guards.size) return out;
  const fns: LuaNode[] = [];
  walkLua(ast, (n) => {
    if (n.type === 'FunctionDeclaration') fns.push(n);
  });
  // a function that declares the name itself (`local ok, err = pcall(f)`) tests something else
  const rebinds = (fn: LuaNode, name: string): boolean => {
    let found = ((fn.parameters as LuaNode[]) ?? []).some((p) => p.name === name);
    walkLua(fn, (n) => {
      if ((n.type === 'LocalStatement' || n.type === 'ForGenericStatement') && ((n.variables as LuaNode[]) ?? []).some((v) => v.name === name)) found = true;
      return !found;
    });
    return found;
  };
  walkLua(ast, (n) => {
    if (n.type !== 'IfClause') return;
    const c = n.condition as LuaNode;
    const name =
      c.type === 'UnaryExpression' && c.operator === 'not' && (c.argument as LuaNode).type === 'Identifier'
        ? ((c.argument as LuaNode).name as string)
        : undefined;
    const inside = fns
      .filter((f) => f.range[0] <= n.range[0] && n.range[1] <= f.range[1])
      .sort((a, b) => a.range[1] - a.range[0] - (b.range[1] - b.range[0]))[0];
    const g = name && !(inside && rebinds(inside, name)) ? guards.get(name) : undefined;
    const body = (n.body as LuaNode[]) ?? [];
    if (g && body.length) out.push([body[0]!.range[0], body.at(-1)!.range[1], `fallback for require("${g}"), which aos provides`]);
  });
  return out;
}

/** mulberry32: a small seeded PRNG (deterministic choice of mutants). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` mutants, a third of each kind (as far as there are sites), chosen with the seed. */
export function chooseMutants(sites: Mutant[], n: number, seed: number): Mutant[] {
  const rnd = prng(seed);
  const kinds: Mutant['kind'][] = ['constant', 'comparison', 'dropped-field'];
  const pools = kinds.map((k) => sites.filter((s) => s.kind === k));
  const out: Mutant[] = [];
  for (let i = 0; out.length < n && pools.some((p) => p.length); i++) {
    const pool = pools[i % pools.length]!;
    if (!pool.length) continue;
    out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
  }
  return out;
}

export function applyMutant(text: string, m: Mutant): string {
  return text.slice(0, m.start) + m.replacement + text.slice(m.end);
}

/**
 * The same site made to fail loudly when it runs (`error("PROBE_REACHED")` in place of the
 * constant, after the operator, as the field's value): verify catches it exactly when some
 * probe evaluates the site. Tells a survivor the probes reach from one they never run.
 */
export function reachMutant(m: Mutant, text: string): Mutant {
  const raise = 'error("PROBE_REACHED")';
  const original = text.slice(m.start, m.end);
  const replacement =
    m.kind === 'constant'
      ? `(${raise})`
      : m.kind === 'comparison'
        ? `${original} ${raise} or `
        : original.replace(/=[\s\S]*?(\s*[,;]?\s*)$/, (_all, sep: string) => `= ${raise}${sep}`);
  return { ...m, replacement, what: `${m.what} (reached?)` };
}

/**
 * Ranges of functions nothing references: a function declared `function T.name` (T a local
 * table of the file) or `local function name` whose name appears nowhere else in any of the
 * project's Lua files (as a name, a field or a string), in a file that never indexes its table
 * with a computed key (`T[k]`: a dispatch table may call it by a key built at run time). No
 * message can run such a function, so a mutant in it is listed apart (like code aos never
 * runs). A global function, or a field of a global table (`function APM.install`), may be
 * called from the aos console: never listed as dead.
 */
export function deadFunctions(text: string, others: string[]): [number, number, string][] {
  const { ast } = parseLuaOrThrow(text, 'file.lua', { lean: true });
  const out: [number, number, string][] = [];
  const count = (name: string, s: string) => s.match(new RegExp(`(?<![\\w.:])${name}(?!\\w)|[.:]${name}(?!\\w)|["']${name}["']`, 'g'))?.length ?? 0;
  walkLua(ast, (n) => {
    if (n.type !== 'FunctionDeclaration' || !n.identifier) return;
    const id = n.identifier as LuaNode;
    const name = id.type === 'MemberExpression' ? ((id.identifier as LuaNode).name as string) : (id.name as string);
    const table = id.type === 'MemberExpression' ? ((id.base as LuaNode).name as string | undefined) : undefined;
    if (!name || !/^[A-Za-z_]\w*$/.test(name)) return;
    // a global (a global function, a field of a global table) may be called from the aos
    // console (an Eval): only a local function or a field of a local table can be dead
    if (table ? !new RegExp(`\\blocal\\s+${table}\\b`).test(text) : !n.isLocal) return;
    if (table && new RegExp(`(?<![\\w.])${table}\\[\\s*[^"'\\s]`).test(text)) return;
    const uses = count(name, text) + others.reduce((a, o) => a + count(name, o), 0);
    if (uses <= 1) out.push([n.range[0], n.range[1], `in ${table ? `${table}.` : ''}${name}, which nothing references`]);
  });
  return out;
}
