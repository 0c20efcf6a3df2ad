// Replays an example trace on a booted aos process and classifies every answer, so the smoke
// test can check "no Lua error, and an error reply exactly where the trace expects one".
import { readFileSync } from 'node:fs';
import { AosProcess, type AoMessageInput, type AoResult } from '../../src/verify/aosRuntime.ts';

export interface TraceLine {
  line: number;
  msg: AoMessageInput;
  expectError: boolean;
  target?: string;
}

export function readTrace(file: string): TraceLine[] {
  const out: TraceLine[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (!raw.trim()) return;
      const v = JSON.parse(raw) as AoMessageInput & { expect?: { error?: boolean }; Data?: unknown };
      const data = v.Data === undefined ? '' : typeof v.Data === 'string' ? v.Data : JSON.stringify(v.Data);
      out.push({
        line: i + 1,
        msg: { From: v.From, Tags: v.Tags, Data: data, Timestamp: v.Timestamp, Owner: v.Owner },
        expectError: v.expect?.error === true,
        target: v.Target,
      });
    });
  return out;
}

/** True when one of the result's messages back to `to` carries an error JSON body. */
export function hasErrorReply(r: AoResult, to: string): boolean {
  return r.Messages.some((m) => {
    if (m.Target !== to) return false;
    try {
      const body = JSON.parse(m.Data ?? '') as { error?: unknown };
      return body !== null && typeof body === 'object' && body.error === true;
    } catch {
      return false;
    }
  });
}

export interface Mismatch {
  line: number;
  action: string | undefined;
  problem: string;
}

/** Sends every line; returns the lines whose outcome differs from the trace's expectation. */
export async function replayAndCheck(proc: AosProcess, lines: TraceLine[]): Promise<Mismatch[]> {
  const problems: Mismatch[] = [];
  for (const t of lines) {
    const r = await proc.send(t.msg);
    const action = (t.msg.Tags as Record<string, string> | undefined)?.Action;
    const errorReply = hasErrorReply(r, t.msg.From);
    if (r.Error && !t.expectError) problems.push({ line: t.line, action, problem: `Lua error: ${r.Error.slice(0, 300)}` });
    if (!t.expectError && errorReply)
      problems.push({
        line: t.line,
        action,
        problem: `unexpected error reply: ${r.Messages.map((m) => m.Data)
          .join(' | ')
          .slice(0, 300)}`,
      });
    if (t.expectError && !errorReply && !r.Error) problems.push({ line: t.line, action, problem: 'expected an error, got none' });
  }
  return problems;
}
