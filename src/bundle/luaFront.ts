// The bundler's view of the Lua front end: decoding and parsing come from src/parse (latin1
// text, one char per byte, so luaparse ranges are byte offsets); this file adds what only the
// bundler needs: the BUNDLE-001 error, the token stream (for --minify) and Lua quoting.
import luaparse from 'luaparse';
import { MigrateError } from '../errors.ts';
import { asNode, type LuaNode } from '../parse/luaAst.ts';
import { decodeLua, parseLuaText } from '../parse/luaSource.ts';

export type { LuaNode } from '../parse/luaAst.ts';

export interface LuaToken {
  type: number;
  value: unknown;
  range: [number, number];
}

/** File bytes -> latin1 text without BOM (Lua's `load` of a string rejects a BOM). */
export function decodeLuaBytes(bytes: Buffer): string {
  return decodeLua(bytes).text;
}

/** latin1 text (bytes) -> the JS string a bundle is delivered as (UTF-8 decoded). */
export function latin1ToUtf8(text: string): string {
  return Buffer.from(text, 'latin1').toString('utf8');
}

export function parseLuaOrThrow(text: string, file: string): LuaNode {
  const { ast, error } = parseLuaText(text);
  if (!ast) {
    throw new MigrateError('BUNDLE-001', `cannot parse ${file}: [${error!.line}:${error!.column}] ${error!.message}`, {
      location: { file, line: error!.line, column: error!.column },
      hint: 'the bundler only packs files that parse as Lua 5.3; fix the syntax error first',
    });
  }
  return asNode(ast);
}

/** Every token of `text` with its range (comments and whitespace are not tokens). */
export function lexLua(text: string, file: string): LuaToken[] {
  const tokens: LuaToken[] = [];
  try {
    luaparse.parse({ wait: true, luaVersion: '5.3', ranges: true, encodingMode: 'pseudo-latin1' } as unknown as string);
    (luaparse as unknown as { write(t: string): void }).write(text);
    const lex = (luaparse as unknown as { lex(): LuaToken }).lex;
    for (;;) {
      const t = lex();
      if (t.type === (luaparse as unknown as { tokenTypes: Record<string, number> }).tokenTypes.EOF) break;
      tokens.push(t);
    }
  } catch (e) {
    const err = e as { message: string; line?: number; column?: number };
    throw new MigrateError('BUNDLE-001', `cannot tokenise ${file}: ${err.message}`, { location: { file, line: err.line, column: err.column } });
  }
  return tokens;
}

/** A Lua string literal for any latin1 text: quoted, escapes for `\`, `"`, control bytes. */
export function luaQuote(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i]!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (c < 32 || c === 127) out += `\\${String(c).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
