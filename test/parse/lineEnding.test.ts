// The one line-ending detector: the majority of line ends decides (ties and no line end: LF).
import { describe, expect, it } from 'vitest';
import { lineEndingOf } from '../../src/parse/lineEnding.ts';
import { eolOf } from '../../src/parse/luaSource.ts';
import { detectEol } from '../../src/ts/text.ts';

describe('lineEndingOf', () => {
  it('follows the ending most lines use, not the first one', () => {
    expect(lineEndingOf('a\r\nb\nc\nd\n')).toBe('\n'); // one stray CRLF first
    expect(lineEndingOf('a\nb\r\nc\r\nd')).toBe('\r\n'); // one LF first, then CRLF
    expect(lineEndingOf('a\r\nb\r\n')).toBe('\r\n');
    expect(lineEndingOf('a\nb\r\n')).toBe('\n'); // a tie stays LF
    expect(lineEndingOf('no line end')).toBe('\n');
    expect(lineEndingOf('\n')).toBe('\n');
    expect(lineEndingOf('\r\n')).toBe('\r\n');
    expect(lineEndingOf('a\rb\rc\n')).toBe('\n'); // a bare CR is not a line end here
  });

  it('is the detector of both the Lua transforms and the TS codemods', () => {
    expect(eolOf).toBe(lineEndingOf);
    expect(detectEol).toBe(lineEndingOf);
  });
});
