// The one text-edit applier (src/parse/textEdit.ts), which the Lua side (PARSE-002) and the TS
// codemods (TS-001 through src/ts/text.ts) both use.
import { describe, expect, it } from 'vitest';
import { applyTextEdits } from '../../src/parse/textEdit.ts';
import { applyEdits } from '../../src/ts/text.ts';
import { isMigrateError } from '../../src/errors.ts';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return isMigrateError(e) ? e.code : 'not a MigrateError';
  }
  return undefined;
};

describe('applyTextEdits', () => {
  it('keeps the given order of insertions at one offset, before and after a replacement there', () => {
    const edits = [
      { start: 2, end: 2, text: '1' },
      { start: 2, end: 4, text: 'R' },
      { start: 2, end: 2, text: '2' },
      { start: 4, end: 4, text: '3' },
    ];
    expect(applyTextEdits('abcdef', edits)).toBe('ab12R3ef');
  });

  it('refuses an edit outside the text (PARSE-002) and lets a caller name its own error', () => {
    expect(code(() => applyTextEdits('abc', [{ start: 2, end: 4, text: '' }]))).toBe('PARSE-002');
    expect(code(() => applyTextEdits('abc', [{ start: -1, end: 0, text: '' }]))).toBe('PARSE-002');
    const seen: string[] = [];
    expect(() =>
      applyTextEdits(
        'abc',
        [
          { start: 0, end: 2, text: '' },
          { start: 1, end: 3, text: '' },
        ],
        (problem, e) => {
          seen.push(`${problem}@${e.start}`);
          return new Error('mine');
        },
      ),
    ).toThrow('mine');
    expect(seen).toEqual(['overlap@1']);
  });

  it('serves the TS codemods with TS-001 for the same problems', () => {
    expect(applyEdits('a\r\nbc', [{ start: 3, end: 4, text: 'X' }])).toBe('a\r\nXc');
    expect(
      code(() =>
        applyEdits(
          'abc',
          [
            { start: 0, end: 2, text: '' },
            { start: 1, end: 3, text: '' },
          ],
          'x.ts',
        ),
      ),
    ).toBe('TS-001');
    expect(code(() => applyEdits('abc', [{ start: 1, end: 9, text: '' }], 'x.ts'))).toBe('TS-001');
  });
});
