// The text edit of the whole toolkit and its one applier, in the parse layer (the lowest layer
// that makes edits: Lua sources, the graph's rewrites, the TS codemods); src/transform/types.ts
// re-exports the type for transforms.
import { MigrateError } from '../errors.ts';

/** A text edit at exact source offsets ([start, end) in UTF-16 units, as luaparse reports). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Why an edit cannot be applied: it lies outside the text, or it overlaps an earlier edit. */
export type EditProblem = 'out-of-range' | 'overlap';

/** The error a caller throws for a bad edit (each layer names its own code and hint). */
export type EditError = (problem: EditProblem, edit: TextEdit, textLength: number) => Error;

/** PARSE-002: the parse layer's error for a bad edit. */
const parseEditError: EditError = (problem, e, length) =>
  problem === 'out-of-range'
    ? new MigrateError('PARSE-002', `text edit [${e.start}, ${e.end}) is outside the text (length ${length})`, {
        hint: 'edits must use offsets from the same ParsedLua.text they are applied to',
      })
    : new MigrateError('PARSE-002', `overlapping text edits at offset ${e.start}`, {
        hint: 'two edits touch the same source range; merge them into one edit',
      });

/**
 * Applies edits at exact offsets; every char outside an edit is kept. Edits are applied in
 * offset order (the given order breaks ties, so insertions (start === end) at one offset keep
 * it). An edit outside the text or overlapping another throws `error` (PARSE-002 by default)
 * and nothing is applied.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[], error: EditError = parseEditError): string {
  if (edits.length === 0) return text;
  // Array.prototype.sort is stable: edits equal in (start, end) keep the given order.
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let lastEnd = 0;
  for (const e of sorted) {
    if (e.start < 0 || e.end > text.length || e.end < e.start) throw error('out-of-range', e, text.length);
    if (e.start < lastEnd) throw error('overlap', e, text.length);
    lastEnd = Math.max(lastEnd, e.end);
  }
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
