// The canonical Lua front end: bytes -> latin1 text (one char per byte, so luaparse ranges are
// byte offsets and Buffer.from(text, 'latin1') restores the exact bytes, non-UTF-8 included),
// BOM stripped before parsing and restored on encode, parse errors copied out (luaparse's
// SyntaxError fields are not enumerable); byte-exact text edits are applied by textEdit.ts.
import { isUtf8 } from 'node:buffer';
import luaparse, { type Chunk } from 'luaparse';
import { MigrateError } from '../errors.ts';
// The one edit applier lives with TextEdit; Lua callers keep importing it from here.
export { applyTextEdits } from './textEdit.ts';
// The one line-ending detector, under the name Lua transforms use.
export { lineEndingOf as eolOf } from './lineEnding.ts';

export interface LuaParseError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Offset into ParsedLua.text. */
  index: number;
}

export interface ParsedLua {
  file: string;
  /** latin1 text of the file without its BOM: offsets are byte offsets after the BOM. */
  text: string;
  bom: boolean;
  ast?: Chunk;
  error?: LuaParseError;
  /** The bytes are valid UTF-8 (Lua does not care; the audit reports non-UTF-8 files). */
  utf8: boolean;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export const LUAPARSE_OPTIONS = {
  luaVersion: '5.3',
  ranges: true,
  locations: true,
  comments: true,
  scope: true,
  // String literal values come out one char per byte, matching the latin1 text.
  encodingMode: 'pseudo-latin1',
} as const;

/**
 * A string argument is taken as latin1 text (one char per byte, e.g. ParsedLua.text after
 * edits) when every char fits a byte; a string with wider chars is encoded as UTF-8 first.
 */
function toBytes(source: Buffer | string): Buffer {
  if (Buffer.isBuffer(source)) return source;
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u00ff]/.test(source) ? Buffer.from(source, 'utf8') : Buffer.from(source, 'latin1');
}

export function decodeLua(bytes: Buffer): { text: string; bom: boolean } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: (bom ? bytes.subarray(3) : bytes).toString('latin1'), bom };
}

/** Inverse of the decode: latin1 text (+ BOM) back to the exact bytes. */
export function encodeLua(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'latin1');
  return bom ? Buffer.concat([BOM, body]) : body;
}

/** luaparse's message starts with "[line:col] "; the location is kept in its own fields. */
function copyParseError(e: unknown, text: string): LuaParseError {
  const err = e as { message?: string; line?: number; column?: number; index?: number };
  if (typeof err?.line !== 'number') throw e; // not a syntax error: a bug, let it surface
  const index = typeof err.index === 'number' ? err.index : text.length;
  return {
    message: String(err.message ?? 'syntax error').replace(/^\[\d+:\d+\]\s*/, ''),
    line: err.line,
    column: (err.column ?? 0) + 1,
    index,
  };
}

/**
 * The graph's and the audit's parse: the same as LUAPARSE_OPTIONS without `locations` (nodes
 * then carry no `loc`; positions come from ranges, see lineLocator). The `loc` objects were
 * most of the memory the cached trees of a project kept, and the GC time that came with it.
 */
export const LUAPARSE_LEAN_OPTIONS = { ...LUAPARSE_OPTIONS, locations: false } as const;

/** Parses text already decoded (latin1, no BOM). */
export function parseLuaText(
  text: string,
  options: typeof LUAPARSE_OPTIONS | typeof LUAPARSE_LEAN_OPTIONS = LUAPARSE_OPTIONS,
): { ast?: Chunk; error?: LuaParseError } {
  try {
    return { ast: luaparse.parse(text, options) };
  } catch (e) {
    return { error: copyParseError(e, text) };
  }
}

export function parseLua(source: Buffer | string, file: string, opts: { lean?: boolean } = {}): ParsedLua {
  const bytes = toBytes(source);
  const { text, bom } = decodeLua(bytes);
  return { file, text, bom, utf8: isUtf8(bytes), ...parseLuaText(text, opts.lean ? LUAPARSE_LEAN_OPTIONS : LUAPARSE_OPTIONS) };
}

/** Parses or throws PARSE-001 naming file:line:col (`lean`: no `loc` on nodes, see LUAPARSE_LEAN_OPTIONS). */
export function parseLuaOrThrow(source: Buffer | string, file: string, opts: { lean?: boolean } = {}): ParsedLua & { ast: Chunk } {
  const parsed = parseLua(source, file, opts);
  if (!parsed.ast) {
    const e = parsed.error!;
    throw new MigrateError('PARSE-001', `cannot parse ${file}: ${e.message}`, {
      location: { file, line: e.line, column: e.column },
      hint: 'fix the Lua syntax error first (Lua 5.3 syntax is expected)',
    });
  }
  return parsed as ParsedLua & { ast: Chunk };
}
