// Lua source front end for the codemods: bytes -> latin1 text (one char per byte, so luaparse
// ranges are byte offsets and re-encoding is lossless), BOM stripped and restored, parse
// errors copied out (luaparse's SyntaxError fields are non-enumerable).
// Written here because src/parse/luaSource.ts had not landed; same signatures, so callers can
// switch to it by changing one import.
import luaparse from 'luaparse';
import { MigrateError } from '../../../src/errors.ts';

/** A luaparse node as the codemods see it (the bundled types lack `range`). */
export interface LuaNode {
  type: string;
  range: [number, number];
  loc?: { start: { line: number; column: number } };
  [key: string]: unknown;
}

export interface LuaParseResult {
  text: string;
  bom: boolean;
  ast?: LuaNode;
  error?: { message: string; line: number; column: number };
}

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function decodeLua(bytes: Buffer): { text: string; bom: boolean } {
  const bom = bytes.length >= 3 && bytes.subarray(0, 3).equals(BOM);
  return { text: (bom ? bytes.subarray(3) : bytes).toString('latin1'), bom };
}

export function encodeLua(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'latin1');
  return bom ? Buffer.concat([BOM, body]) : body;
}

export function parseLuaText(text: string): { ast?: LuaNode; error?: LuaParseResult['error'] } {
  try {
    const ast = luaparse.parse(text, {
      luaVersion: '5.3',
      ranges: true,
      locations: true,
      comments: true,
      scope: true,
      encodingMode: 'pseudo-latin1',
    }) as unknown as LuaNode;
    return { ast };
  } catch (e) {
    const err = e as { message: string; line?: number; column?: number };
    return { error: { message: err.message, line: err.line ?? 0, column: err.column ?? 0 } };
  }
}

export function parseLua(bytes: Buffer, _file?: string): LuaParseResult {
  const { text, bom } = decodeLua(bytes);
  return { text, bom, ...parseLuaText(text) };
}

/** Parses or throws PARSE-101 naming file:line:col (a codemod never edits a file it cannot parse). */
export function parseLuaOrThrow(bytes: Buffer, file: string): Required<Omit<LuaParseResult, 'error'>> {
  const r = parseLua(bytes, file);
  if (!r.ast) {
    throw new MigrateError('PARSE-101', `cannot parse ${file}: ${r.error?.message}`, {
      location: { file, line: r.error?.line, column: r.error?.column },
      hint: 'fix the syntax error first; codemods only edit files that parse',
    });
  }
  return { text: r.text, bom: r.bom, ast: r.ast };
}

/** Applies non-overlapping edits; every byte outside an edit is kept. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new MigrateError('STAGE-101', `overlapping text edits at offset ${e.start}`);
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Generic child walk over a luaparse tree (parents before children). */
export function walkLua(node: LuaNode, visit: (n: LuaNode, parent?: LuaNode) => void, parent?: LuaNode): void {
  visit(node, parent);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'range' || key === 'comments' || key === 'globals') continue;
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof v === 'object' && typeof (v as LuaNode).type === 'string') walkLua(v as LuaNode, visit, node);
    } else if (value && typeof value === 'object' && typeof (value as LuaNode).type === 'string') {
      walkLua(value as LuaNode, visit, node);
    }
  }
}

/** The line ending a file mostly uses (new lines we insert follow it). */
export function eolOf(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return crlf > lf ? '\r\n' : '\n';
}
