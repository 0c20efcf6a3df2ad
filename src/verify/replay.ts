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
  /** Lines whose `expect.error` did not hold on this side. */
  expectationFailures: { line: number; expected: boolean; got: boolean }[];
}

export async function replayTrace(proc: AosProcess, trace: Trace): Promise<Replay> {
  const out: Replay = { trace: trace.file, messages: [], errored: 0, expectationFailures: [] };
  for (const m of trace.messages) {
    const r = await proc.send(m.msg);
    const answer = toAnswer(r);
    if (answer.error !== null) out.errored += 1;
    if (m.expectError !== undefined && m.expectError !== (answer.error !== null)) {
      out.expectationFailures.push({ line: m.line, expected: m.expectError, got: answer.error !== null });
    }
    out.messages.push({ message: m, answer, ms: r.ms });
  }
  return out;
}
