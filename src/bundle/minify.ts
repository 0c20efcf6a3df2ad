// --minify: drops comments and whitespace only. The bundle is re-emitted token by token from
// luaparse's lexer (never regex): identifiers, numbers and strings keep their exact source text;
// between two tokens goes nothing, a space when gluing them would lex differently, or one
// newline when the original gap had one (so error line numbers stay close to the source).
import luaparse from 'luaparse';
import { lexLua, type LuaToken } from './luaFront.ts';

const NUMERIC: number = (luaparse as unknown as { tokenTypes: Record<string, number> }).tokenTypes.NumericLiteral;

const WORD = /[A-Za-z0-9_]/;
// Pairs of characters that would fuse into another token, a comment or a long bracket.
const FUSING = new Set(['==', '~=', '<=', '>=', '//', '::', '<<', '>>', '..', '--', '[[', '[=']);

function needsSpace(prev: string, next: string, prevType: number): boolean {
  const a = prev[prev.length - 1]!;
  const b = next[0]!;
  if (WORD.test(a) && WORD.test(b)) return true;
  // `1 ..x` or `1 .5`: a number followed by a dot would continue the number.
  if (prevType === NUMERIC && (b === '.' || WORD.test(b))) return true;
  if (a === '.' && /[0-9]/.test(b)) return true;
  return FUSING.has(a + b);
}

/** Minified Lua text (latin1 in, latin1 out). */
export function minifyLua(text: string, file: string): string {
  const tokens: LuaToken[] = lexLua(text, file);
  let out = '';
  let prevEnd = 0;
  let prev: { raw: string; type: number } | undefined;
  for (const t of tokens) {
    const raw = text.slice(t.range[0], t.range[1]);
    const gap = text.slice(prevEnd, t.range[0]);
    if (prev) {
      if (gap.includes('\n')) out += '\n';
      else if (needsSpace(prev.raw, raw, prev.type)) out += ' ';
    }
    out += raw;
    prev = { raw, type: t.type };
    prevEnd = t.range[1];
  }
  return out.length ? `${out}\n` : out;
}
