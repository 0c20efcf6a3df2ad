// The bundler's Lua front end: bytes <-> latin1 text (one char per byte, so luaparse ranges are
// byte offsets and slicing never alters bytes), parse with ranges, walk, decode string literals,
// and the token stream (for --minify). Kept here because src/parse had not landed when the
// bundler was written; same latin1 convention as transforms/lua/lib/luaSource.ts.
import luaparse from 'luaparse';
import { MigrateError } from '../errors.ts';

export interface LuaNode {
  type: string;
  range: [number, number];
  loc?: { start: { line: number; column: number } };
  [key: string]: unknown;
}

export interface LuaToken {
  type: number;
  value: unknown;
  range: [number, number];
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** File bytes -> latin1 text without BOM (Lua's `load` of a string rejects a BOM). */
export function decodeLuaBytes(bytes: Buffer): string {
  const bom = bytes.length >= 3 && bytes.subarray(0, 3).equals(BOM);
  return (bom ? bytes.subarray(3) : bytes).toString('latin1');
}

/** latin1 text (bytes) -> the JS string a bundle is delivered as (UTF-8 decoded). */
export function latin1ToUtf8(text: string): string {
  return Buffer.from(text, 'latin1').toString('utf8');
}

export function parseLuaOrThrow(text: string, file: string): LuaNode {
  try {
    return luaparse.parse(text, {
      luaVersion: '5.3',
      ranges: true,
      locations: true,
      comments: false,
      encodingMode: 'pseudo-latin1',
    }) as unknown as LuaNode;
  } catch (e) {
    const err = e as { message: string; line?: number; column?: number };
    throw new MigrateError('BUNDLE-001', `cannot parse ${file}: ${err.message}`, {
      location: { file, line: err.line, column: err.column },
      hint: 'the bundler only packs files that parse as Lua 5.3; fix the syntax error first',
    });
  }
}

/** Depth-first walk over every node (children in source order). */
export function walkLua(node: unknown, visit: (n: LuaNode) => void): void {
  if (Array.isArray(node)) {
    for (const c of node) walkLua(c, visit);
    return;
  }
  if (!node || typeof node !== 'object' || typeof (node as LuaNode).type !== 'string') return;
  visit(node as LuaNode);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'range' || key === 'type') continue;
    if (value && typeof value === 'object') walkLua(value, visit);
  }
}

/** The value of a string literal node (pseudo-latin1 gives it as latin1 text). */
export function stringValue(n: LuaNode | undefined): string | undefined {
  if (!n || n.type !== 'StringLiteral') return undefined;
  return typeof n.value === 'string' ? n.value : undefined;
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
