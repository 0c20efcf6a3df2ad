// Replays a trace on one live aos process and records each normalised answer. Errored
// messages: a real CU discards the state changes of a message that errors; this live-mode
// replay keeps them (snapshot/restore of the 100 MB heap costs ~10 ms a message). Both sides
// of a comparison are replayed the same way, so a difference still shows; the report notes
// how many messages errored.
import type { AosProcess } from './aosRuntime.ts';
import { toAnswer } from './normalise.ts';
import type { Trace, TraceMessage } from './trace.ts';
import type { Answer } from './types.ts';

export interface ReplayedMessage {
  message: TraceMessage;
  answer: Answer;
  ms: number;
}

export interface Replay {
  trace: string;
  messages: ReplayedMessage[];
  errored: number;
  /** FED-WARN lines printed (hybrid fallbacks used). */
  warnings: string[];
  /** Lines whose `expect.error` did not hold on this side. */
  expectationFailures: { line: number; expected: boolean; got: boolean }[];
}

/**
 * Whether an answer counts as an error for `expect.error`: aos reported an Error, or the
 * process answered with an error reply (a message with an `Error` tag, an Action ending in
 * `-Error`, or JSON Data whose `error` field is set), the usual AO way to refuse a message.
 */
export function isErrorAnswer(a: Answer): boolean {
  if (a.error !== null) return true;
  return a.messages.some((m) => {
    const tags = new Map(m.Tags);
    if (tags.has('Error') || (tags.get('Action') ?? '').endsWith('-Error')) return true;
    if (!m.Data.startsWith('{')) return false;
    try {
      const v = (JSON.parse(m.Data) as { error?: unknown }).error;
      return v !== undefined && v !== null && v !== false && v !== '';
    } catch {
      return false;
    }
  });
}

export async function replayTrace(proc: AosProcess, trace: Trace): Promise<Replay> {
  const out: Replay = { trace: trace.file, messages: [], errored: 0, warnings: [], expectationFailures: [] };
  for (const m of trace.messages) {
    const r = await proc.send(m.msg);
    const answer = toAnswer(r);
    out.warnings.push(...answer.warnings);
    const failed = isErrorAnswer(answer);
    if (m.expectError !== undefined && m.expectError !== failed) {
      out.expectationFailures.push({ line: m.line, expected: m.expectError, got: failed });
    }
    out.messages.push({ message: m, answer, ms: r.ms });
  }
  out.errored = countErrored(out.messages.map((x) => x.answer));
  return out;
}

/** How many answers carry an error aos raised (the count a replay reports as errored). */
export const countErrored = (answers: Answer[]): number => answers.filter((a) => a.error !== null).length;
