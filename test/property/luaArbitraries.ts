// fast-check arbitraries for Lua sources shaped like the hard cases of real AO code: every
// comment form, long strings and long comments with `=` levels, CRLF and mixed endings, a
// BOM, no final newline, UTF-8 text in strings, every require form (and requires that only
// look like requires, inside strings and comments).
import fc from 'fast-check';

export type RequireStyle = 'paren-double' | 'paren-single' | 'bare-double' | 'bare-single' | 'long' | 'long-eq' | 'pcall' | 'global';

export const requireStyles: RequireStyle[] = ['paren-double', 'paren-single', 'bare-double', 'bare-single', 'long', 'long-eq', 'pcall', 'global'];

/** A require of `name` written in `style`, bound to `local v`. */
export function requireLine(name: string, style: RequireStyle, v: string): string {
  switch (style) {
    case 'paren-double':
      return `local ${v} = require("${name}")`;
    case 'paren-single':
      return `local ${v} = require('${name}')`;
    case 'bare-double':
      return `local ${v} = require "${name}"`;
    case 'bare-single':
      return `local ${v} = require '${name}'`;
    case 'long':
      return `local ${v} = require [[${name}]]`;
    case 'long-eq':
      return `local ${v} = require [==[${name}]==]`;
    case 'pcall':
      return `local ${v}_ok, ${v} = pcall(require, "${name}")`;
    case 'global':
      return `${v.toUpperCase()}_G = require("${name}")\nlocal ${v} = ${v.toUpperCase()}_G`;
  }
}

const eqLevel = fc.integer({ min: 0, max: 3 }).map((n) => '='.repeat(n));
const safeText = fc.constantFrom(
  'hello',
  'déjà vu',
  '日本語',
  'emoji 🎮',
  'tab\there',
  'a "quote"',
  "it's",
  'require("not.a.module")',
  '-- not a comment',
  'x = 1',
);

/** Trivia placed between statements: comments of every form, blank lines. */
export const trivia: fc.Arbitrary<string> = fc.oneof(
  safeText.map((t) => `-- ${t.replace(/\n/g, ' ')}`),
  fc.tuple(eqLevel, safeText).map(([eq, t]) => `--[${eq}[ ${t}\n  second line ]${eq}]`),
  fc.constant(''),
  fc.constant('-- require("commented.out")'),
);

/** Statements that use strings the way real modules do (incl. long strings with levels). */
export const statement: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 999 }), safeText).map(([n, t]) => `M.v${n} = ${JSON.stringify(t)}`),
  fc.tuple(eqLevel, safeText).map(([eq, t]) => `M.long = [${eq}[${t}\nrequire("inside.long.string")]${eq}]`),
  fc.integer({ min: 0, max: 5 }).map((n) => `function M.f${n}(a, b)\n  return (a or 0) + (b or ${n})\nend`),
  fc.constant('local t = { 1, 2, 3, nested = { x = "y" } }'),
  fc.constant('M.count = (M.count or 0) + 1'),
);

export type LineEnding = 'lf' | 'crlf' | 'mixed';

export interface LuaFileShape {
  bom: boolean;
  ending: LineEnding;
  finalNewline: boolean;
}

export const fileShape: fc.Arbitrary<LuaFileShape> = fc.record({
  bom: fc.boolean(),
  ending: fc.constantFrom<LineEnding>('lf', 'crlf', 'mixed'),
  finalNewline: fc.boolean(),
});

/** Joins lines with the shape's line endings and encodes to bytes (BOM first when asked). */
export function renderFile(lines: string[], shape: LuaFileShape): Buffer {
  const flat = lines.join('\n').split('\n');
  let text = '';
  flat.forEach((line, i) => {
    const last = i === flat.length - 1;
    const eol = shape.ending === 'lf' ? '\n' : shape.ending === 'crlf' ? '\r\n' : i % 2 === 0 ? '\r\n' : '\n';
    text += line + (last ? (shape.finalNewline ? eol : '') : eol);
  });
  const body = Buffer.from(text, 'utf8');
  return shape.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

export interface GeneratedModule {
  name: string;
  requires: { name: string; style: RequireStyle }[];
  /** Back edges (cycles): required lazily inside `M.back`, as real AO code breaks cycles. */
  lazy?: string[];
  /** false: the module ends without `return` (stored as true by require). */
  returns: boolean;
  shape: LuaFileShape;
  body: string[];
}

/** Text of one module: trivia, its requires, statements, a print of what it saw, its return. */
export function moduleSource(m: GeneratedModule): Buffer {
  const lines: string[] = [`-- module ${m.name}`, 'local M = {}'];
  m.requires.forEach((r, i) => {
    lines.push(requireLine(r.name, r.style, `dep${i}`));
  });
  lines.push(...m.body);
  if (m.lazy?.length) {
    const calls = m.lazy.map((n) => `type(require("${n}"))`).join(' .. "," .. ');
    lines.push(`function M.back()\n  return ${calls}\nend`);
  }
  const seen = m.requires.map((_, i) => `tostring(type(dep${i}))`).join(' .. "," .. ');
  lines.push(`print("${m.name} loaded" ${m.requires.length ? `.. ":" .. ${seen}` : ''})`);
  lines.push(`M.name = "${m.name}"`);
  if (m.returns) lines.push('return M');
  return renderFile(lines, m.shape);
}

/**
 * A module graph: module i requires modules j > i at load time (a DAG, so loading ends) and
 * may require any j <= i lazily (cycles, self-requires included); names use dots, dashes and
 * underscores like real AO names; `prefix` keeps the names of many cases apart in one process.
 */
export const moduleGraph = (opts: { min?: number; max?: number; prefix?: string } = {}): fc.Arbitrary<GeneratedModule[]> =>
  fc.integer({ min: opts.min ?? 2, max: opts.max ?? 6 }).chain((n) => {
    const pre = opts.prefix ? `${opts.prefix}.` : '';
    const names = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? `${pre}game-logic.part-${i}` : `${pre}data.table_${i}`));
    return fc.tuple(
      ...names.map((name, i) =>
        fc.record({
          name: fc.constant(name),
          requires: fc
            .subarray(names.slice(i + 1), { maxLength: Math.min(3, n - i - 1) })
            .chain((deps) => fc.tuple(...deps.map((d) => fc.record({ name: fc.constant(d), style: fc.constantFrom(...requireStyles) })))),
          lazy: fc.subarray(names.slice(0, i + 1), { maxLength: Math.min(2, i + 1) }),
          returns: fc.boolean(),
          shape: fileShape,
          body: fc.array(fc.oneof(statement, trivia), { maxLength: 4 }),
        }),
      ),
    );
  });

/** Module name -> project path under a source root. */
export const modulePath = (sourceRoot: string, name: string): string => `${sourceRoot}/${name.replace(/\./g, '/')}.lua`;
