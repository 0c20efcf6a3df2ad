// Small behaviour changes planted in Lua sources for `npm run probe-strength`: a numeric
// constant +1, a comparison flipped, a field dropped from a table built inside a call (a reply
// or a sent message). Only sites inside function bodies are taken (code that runs on messages,
// not data tables). Sites are chosen with a seeded PRNG, so a seed gives the same mutants.
import { parseLuaOrThrow } from '../../src/parse/luaSource.ts';
import { walkLua, type LuaNode } from '../../src/parse/luaAst.ts';

export interface Mutant {
  file: string;
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
  const out: Mutant[] = [];
  walkLua(ast, (n, parent) => {
    if (!inCode(n)) return;
    if (n.type === 'NumericLiteral' && Number.isInteger(n.value) && !(parent?.type === 'IndexExpression')) {
      const v = n.value as number;
      out.push({ file, kind: 'constant', start: n.range[0], end: n.range[1], replacement: String(v + 1), what: `${text.slice(n.range[0], n.range[1])} -> ${v + 1}`, line: line(n.range[0]) });
    }
    if (n.type === 'BinaryExpression' && FLIP[n.operator as string]) {
      const l = n.left as LuaNode;
      const r = n.right as LuaNode;
      const gap = text.slice(l.range[1], r.range[0]);
      const at = gap.indexOf(n.operator as string);
      if (at >= 0) {
        const op = n.operator as string;
        out.push({ file, kind: 'comparison', start: l.range[1] + at, end: l.range[1] + at + op.length, replacement: FLIP[op]!, what: `${op} -> ${FLIP[op]}`, line: line(l.range[0]) });
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
