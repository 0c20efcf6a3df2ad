// Compares two answers (or two snapshots) and renders the first difference: which field,
// both values, and a unified diff of the two answers as pretty JSON.
import { createTwoFilesPatch } from 'diff';
import type { Answer, StateSnapshot } from './types.ts';

export interface AnswerDifference {
  /** e.g. `messages[0].Data`, `output`, `error`, `messages.length`. */
  field: string;
  expected: unknown;
  actual: unknown;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The first field where `actual` differs from `expected`, or null when they agree. */
export function compareAnswers(expected: Answer, actual: Answer): AnswerDifference | null {
  if (expected.error !== actual.error) return { field: 'error', expected: expected.rawError, actual: actual.rawError };
  const n = Math.max(expected.messages.length, actual.messages.length);
  for (let i = 0; i < n; i++) {
    const e = expected.messages[i];
    const a = actual.messages[i];
    if (!e || !a) return { field: 'messages.length', expected: expected.messages.length, actual: actual.messages.length };
    if (e.Target !== a.Target) return { field: `messages[${i}].Target`, expected: e.Target, actual: a.Target };
    if (!same(e.Tags, a.Tags)) return { field: `messages[${i}].Tags`, expected: Object.fromEntries(e.Tags), actual: Object.fromEntries(a.Tags) };
    if (e.Data !== a.Data) return { field: `messages[${i}].Data`, expected: e.Data, actual: a.Data };
  }
  if (expected.output !== actual.output) return { field: 'output', expected: expected.output, actual: actual.output };
  if (expected.spawns !== actual.spawns) return { field: 'spawns', expected: expected.spawns, actual: actual.spawns };
  return null;
}

/** Snapshot differences: handler list, then each global; memory is never a difference. */
export function compareSnapshots(expected: StateSnapshot, actual: StateSnapshot): AnswerDifference[] {
  const out: AnswerDifference[] = [];
  if (!same(expected.handlers, actual.handlers)) out.push({ field: 'handlers', expected: expected.handlers, actual: actual.handlers });
  const names = [...new Set([...Object.keys(expected.globals), ...Object.keys(actual.globals)])].sort();
  for (const g of names) {
    if (expected.globals[g] !== actual.globals[g]) {
      out.push({ field: `globals.${g}`, expected: expected.globals[g] ?? '(absent)', actual: actual.globals[g] ?? '(absent)' });
    }
  }
  return out;
}

/** Pretty JSON of an answer for diffs: Data shown decoded when it is JSON. */
export function answerForDisplay(a: Answer): unknown {
  return {
    error: a.rawError,
    output: a.output,
    messages: a.messages.map((m) => ({ Target: m.Target, Tags: Object.fromEntries(m.Tags), Data: tryJson(m.Data) })),
    ...(a.spawns ? { spawns: a.spawns } : {}),
  };
}

function tryJson(s: string): unknown {
  try {
    return s.trim().startsWith('{') || s.trim().startsWith('[') ? JSON.parse(s) : s;
  } catch {
    return s;
  }
}

export function unifiedDiff(expectedLabel: string, actualLabel: string, expected: unknown, actual: unknown): string {
  const a = typeof expected === 'string' ? expected : JSON.stringify(expected, null, 2);
  const b = typeof actual === 'string' ? actual : JSON.stringify(actual, null, 2);
  return createTwoFilesPatch(expectedLabel, actualLabel, `${a}\n`, `${b}\n`, '', '', { context: 3 }).split('\n').slice(1).join('\n').trimEnd();
}
