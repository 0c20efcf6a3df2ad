// Byte-careful text helpers for the TS codemods: edits at exact offsets (everything outside
// an edit is kept as is: BOM, CRLF, a missing final newline), line-end detection, and
// file listing of a client folder.
import { applyTextEdits, type TextEdit } from '../parse/textEdit.ts';
import type { Workspace } from '../files/tree.ts';
import { MigrateError } from '../errors.ts';

export const BOM = '\uFEFF';

// The one line-ending detector (majority of line ends), under the name the TS codemods use.
export { lineEndingOf as detectEol } from '../parse/lineEnding.ts';

/** Rewrites every line end of `text` to `eol` (used for text carried between files). */
export function withEol(text: string, eol: '\n' | '\r\n'): string {
  const lf = text.replace(/\r\n/g, '\n');
  return eol === '\n' ? lf : lf.replace(/\n/g, '\r\n');
}

/**
 * Applies non-overlapping edits (offsets into `text`) with the parse layer's applier; a bad
 * edit throws TS-001 naming `file` (in a TS codemod it is a bug of the transform, not of the input).
 */
export function applyEdits(text: string, edits: TextEdit[], file = '(text)'): string {
  return applyTextEdits(
    text,
    edits,
    (_problem, e) =>
      new MigrateError('TS-001', `overlapping or out-of-range edits at offset ${e.start}`, {
        location: { file },
        hint: 'this is a bug in a TS transform: two edits touched the same bytes',
      }),
  );
}

/** 1-based line and column of an offset, for error locations. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

const SOURCE_EXT = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;

/** Source files (TS and JS) below `dir`, declaration files and build output left out. */
export function listSources(ws: Workspace, dir: string): string[] {
  return ws.list(dir).filter((p) => SOURCE_EXT.test(p) && !p.endsWith('.d.ts') && !/(^|\/)(node_modules|build|dist)\//.test(p));
}
