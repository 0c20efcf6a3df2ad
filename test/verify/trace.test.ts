import { describe, expect, it } from 'vitest';
import { parseTrace } from '../../src/verify/trace.ts';
import { normaliseData, normaliseError, stripLocations, toAnswer } from '../../src/verify/normalise.ts';
import { compareAnswers } from '../../src/verify/compare.ts';
import { isErrorAnswer } from '../../src/verify/replay.ts';

describe('trace parsing', () => {
  it('accepts object and array tags, skips blank and // lines, JSON-encodes non-string Data', () => {
    const t = parseTrace(
      [
        '// a comment',
        '{"From":"A","Tags":{"Action":"X","N":3}}',
        '',
        '{"From":"B","Tags":[{"name":"Action","value":"Y"}],"Data":{"k":1},"Timestamp":5,"expect":{"error":true}}',
      ].join('\r\n'),
      'x.jsonl',
    );
    expect(t.messages.map((m) => [m.line, m.msg.From, m.msg.Tags, m.msg.Data, m.expectError])).toEqual([
      [2, 'A', { Action: 'X', N: '3' }, '', undefined],
      [4, 'B', [{ name: 'Action', value: 'Y' }], '{"k":1}', true],
    ]);
  });

  it('names file:line and the field for a bad line (VERIFY-001)', () => {
    expect(() => parseTrace('{"From":"A"}\n{"Tags":{}}', 't.jsonl')).toThrow(
      expect.objectContaining({ code: 'VERIFY-001', location: { file: 't.jsonl', line: 2, column: 1 } }),
    );
    expect(() => parseTrace('{"From":"A"}\n{"From":"A","Tags":{}}\n{not json', 't.jsonl')).toThrow(
      expect.objectContaining({ code: 'VERIFY-001', location: expect.objectContaining({ line: 3 }) }),
    );
    expect(() => parseTrace('{"From":"A","Tgs":{}}', 't.jsonl')).toThrow(/Tgs|Unrecognized/);
    expect(() => parseTrace('{"From":"A","Timestamp":"soon"}', 't.jsonl')).toThrow(/Timestamp/);
  });
});

describe('normalisation', () => {
  it('sorts JSON keys at every depth and leaves other data alone', () => {
    expect(normaliseData('{"b":1,"a":{"d":[{"z":1,"y":2}],"c":0}}')).toBe('{"a":{"c":0,"d":[{"y":2,"z":1}]},"b":1}');
    expect(normaliseData('plain {text')).toBe('plain {text');
    expect(normaliseData('{"broken":')).toBe('{"broken":');
  });

  it('drops chunk locations that differ between builds, keeping the message', () => {
    const raw =
      '\u001b[31mError\u001b[0m handling message with Action = Boom\n[string ".handlers"]:723: [string "aos"]:3: kaboom\n\nstack traceback:\n\t[string ".process"]:905: in function';
    expect(normaliseError(raw)).toBe('Error handling message with Action = Boom\nkaboom');
    expect(stripLocations('{"error":"[string \\"aos\\"]:1234: invalid move"}')).toBe('{"error":"invalid move"}');
  });

  it('compares tags regardless of their order but not their values', () => {
    const base = {
      Messages: [
        {
          Target: 'P',
          Data: '{"a":1,"b":2}',
          Tags: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' },
          ],
        },
      ],
      Spawns: [],
      Output: 'x',
      ms: 0,
    };
    const reordered = {
      ...base,
      Messages: [
        {
          Target: 'P',
          Data: '{"b":2,"a":1}',
          Tags: [
            { name: 'B', value: '2' },
            { name: 'A', value: '1' },
          ],
        },
      ],
    };
    const changed = {
      ...base,
      Messages: [
        {
          ...base.Messages[0]!,
          Tags: [
            { name: 'A', value: '1' },
            { name: 'B', value: '3' },
          ],
        },
      ],
    };
    expect(compareAnswers(toAnswer(base), toAnswer(reordered))).toBeNull();
    expect(compareAnswers(toAnswer(base), toAnswer(changed))).toEqual({ field: 'messages[0].Tags', expected: { A: '1', B: '2' }, actual: { A: '1', B: '3' } });
    expect(compareAnswers(toAnswer(base), toAnswer({ ...base, Output: 'y' }))?.field).toBe('output');
    // A hybrid fallback notice is reported apart, not compared.
    const warned = toAnswer({ ...base, Output: "FED-WARN hybrid fallback: 'runtime.x' not in the runtime; using the bundled copy 1.0.0\nx" });
    expect([warned.output, warned.warnings.length, compareAnswers(toAnswer(base), warned)]).toEqual(['x', 1, null]);
    expect(compareAnswers(toAnswer(base), toAnswer({ ...base, Messages: [] }))?.field).toBe('messages.length');
  });
});

describe('what counts as a failed message for expect.error', () => {
  const answer = (tags: [string, string][], data = '', error: string | null = null) => ({
    messages: [{ Target: 'P', Tags: tags, Data: data }],
    output: '',
    error,
    rawError: error,
    spawns: 0,
    warnings: [],
  });
  it('is an aos error or an error reply', () => {
    expect(isErrorAnswer(answer([['Action', 'Info-Response']], '{"ok":true}'))).toBe(false);
    expect(isErrorAnswer(answer([['Action', 'Info-Response']], '{"error":false}'))).toBe(false);
    expect(isErrorAnswer(answer([['Action', 'Info-Response']], '', 'boom'))).toBe(true);
    expect(isErrorAnswer(answer([['Action', 'SHOP_BUY-Error']]))).toBe(true);
    expect(
      isErrorAnswer(
        answer([
          ['Action', 'X'],
          ['Error', 'no funds'],
        ]),
      ),
    ).toBe(true);
    expect(isErrorAnswer(answer([['Action', 'X']], '{"error":"INSUFFICIENT_FUNDS"}'))).toBe(true);
  });
});
