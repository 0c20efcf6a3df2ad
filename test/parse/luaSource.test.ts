// The canonical front end: bytes survive decode/encode exactly (BOM, CRLF, non-UTF-8, no final
// newline), parse errors come out with 1-based line/column, and text edits keep every byte
// outside an edit (checked against a plain splice on random edits).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTextEdits, encodeLua, parseLua } from '../../src/parse/luaSource.ts';
import { MigrateError } from '../../src/errors.ts';

describe('parseLua / encodeLua', () => {
  it('strips a BOM before parsing and restores it on encode', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('local x = require("a.b")\r\nreturn x')]);
    const p = parseLua(bytes, 'm.lua');
    expect(p.bom).toBe(true);
    expect(p.text.startsWith('local')).toBe(true);
    expect(p.ast).toBeDefined();
    expect(encodeLua(p.text, p.bom).equals(bytes)).toBe(true);
  });

  it('keeps non-UTF-8 bytes one char per byte and reports utf8=false', () => {
    const bytes = Buffer.concat([Buffer.from('local s = "'), Buffer.from([0xff, 0xfe, 0xe9]), Buffer.from('"\nreturn s\n')]);
    const p = parseLua(bytes, 'latin.lua');
    expect(p.utf8).toBe(false);
    expect(p.ast).toBeDefined();
    expect(p.text.length).toBe(bytes.length);
    expect(encodeLua(p.text, p.bom).equals(bytes)).toBe(true);
    expect(parseLua(Buffer.from('local s = "é"'), 'u.lua').utf8).toBe(true);
  });

  it('copies the parse error out with 1-based line and column and the offset', () => {
    const p = parseLua(Buffer.from('local a = 1\nlocal b = = 2\n'), 'bad.lua');
    expect(p.ast).toBeUndefined();
    expect(p.error).toMatchObject({ line: 2, column: 11, index: 22 });
    expect(p.error!.message).toBe("<expression> expected near '='");
    expect(p.error!.message).not.toMatch(/^\[/);
    expect(p.text.slice(p.error!.index, p.error!.index + 1)).toBe('=');
  });

  it('parses Lua 5.3 syntax (integer division, bitwise ops, goto) and empty files', () => {
    expect(parseLua('local a = 7 // 2 | 1 << 3\n::top:: goto top', 'x.lua').ast).toBeDefined();
    const empty = parseLua(Buffer.alloc(0), 'empty.lua');
    expect(empty.ast).toBeDefined();
    expect(empty.text).toBe('');
  });

  it('takes a string as latin1 text when it fits bytes, else as UTF-8', () => {
    expect(parseLua('\u00e9', 'a.lua').text).toBe('\u00e9');
    expect(parseLua('local s = "\u20ac"', 'b.lua').text).toBe(Buffer.from('local s = "\u20ac"').toString('latin1'));
  });
});

describe('applyTextEdits', () => {
  const text = 'local a = require("x")\r\nreturn a';
  it('replaces, inserts and deletes at exact offsets', () => {
    expect(applyTextEdits(text, [{ start: 18, end: 21, text: '"y"' }])).toBe('local a = require("y")\r\nreturn a');
    expect(
      applyTextEdits(text, [
        { start: 0, end: 0, text: '-- top\r\n' },
        { start: 0, end: 6, text: '' },
      ]),
    ).toBe('-- top\r\na = require("x")\r\nreturn a');
    expect(applyTextEdits(text, [])).toBe(text);
  });

  it('refuses overlapping edits with PARSE-002', () => {
    let err: unknown;
    try {
      applyTextEdits(text, [
        { start: 0, end: 10, text: 'a' },
        { start: 5, end: 12, text: 'b' },
      ]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MigrateError);
    expect((err as MigrateError).code).toBe('PARSE-002');
  });

  it('agrees with a plain splice on random non-overlapping edits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 4 })), { maxLength: 6 }), (src, raw) => {
        const edits: { start: number; end: number; text: string }[] = [];
        let pos = 0;
        for (const [gap, len, t] of raw) {
          const start = Math.min(src.length, pos + (gap % 7));
          const end = Math.min(src.length, start + len);
          if (start < pos) continue;
          edits.push({ start, end, text: t });
          pos = end + 1;
        }
        let expected = '';
        let at = 0;
        for (const e of edits) {
          expected += src.slice(at, e.start) + e.text;
          at = e.end;
        }
        expected += src.slice(at);
        expect(applyTextEdits(src, [...edits].reverse())).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
