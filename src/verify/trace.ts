// Traces: JSONL files, one message a line. Each line is validated with zod; a bad line stops
// the load with VERIFY-001 and its file:line, so a typo in a trace is never replayed silently.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MigrateError } from '../errors.ts';
import type { AoMessageInput } from './aosRuntime.ts';

const tagValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const traceLineSchema = z
  .object({
    From: z.string().min(1),
    Tags: z.union([z.record(z.string(), tagValue), z.array(z.object({ name: z.string().min(1), value: tagValue }))]).default({}),
    /** Strings are sent as-is; any other JSON value is sent JSON-encoded. */
    Data: z.unknown().optional(),
    Timestamp: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).optional(),
    Owner: z.string().min(1).optional(),
    /** In a world trace, the process (name or id) the message goes to. */
    Target: z.string().min(1).optional(),
    Id: z.string().min(1).optional(),
    expect: z.object({ error: z.boolean().optional() }).strict().optional(),
  })
  .strict();

export interface TraceMessage {
  /** 1-based line in the trace file. */
  line: number;
  msg: AoMessageInput;
  target?: string;
  expectError?: boolean;
}

export interface Trace {
  file: string;
  messages: TraceMessage[];
}

/** Parses JSONL text; `file` is used in error locations only. Blank lines and `//` comment lines are skipped. */
export function parseTrace(text: string, file: string): Trace {
  const messages: TraceMessage[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('//')) return;
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (e) {
      throw new MigrateError('VERIFY-001', `trace line is not valid JSON: ${(e as Error).message}`, {
        location: { file, line, column: 1 },
        hint: 'each line of a trace is one JSON object: {"From": "...", "Tags": {"Action": "..."}, "Data": "..."}',
      });
    }
    const parsed = traceLineSchema.safeParse(json);
    if (!parsed.success) {
      const why = parsed.error.issues.map((iss) => `${iss.path.join('.') || '(line)'}: ${iss.message}`).join('; ');
      throw new MigrateError('VERIFY-001', `invalid trace message: ${why}`, {
        location: { file, line, column: 1 },
        hint: 'fields: From (required), Tags (object or [{name,value}]), Data, Timestamp, Owner, Target, Id, expect: {error}',
      });
    }
    const v = parsed.data;
    const data = v.Data === undefined ? '' : typeof v.Data === 'string' ? v.Data : JSON.stringify(v.Data);
    messages.push({
      line,
      msg: {
        From: v.From,
        Tags: v.Tags,
        Data: data,
        ...(v.Timestamp !== undefined ? { Timestamp: v.Timestamp } : {}),
        ...(v.Owner !== undefined ? { Owner: v.Owner } : {}),
        ...(v.Id !== undefined ? { Id: v.Id } : {}),
      },
      ...(v.Target !== undefined ? { target: v.Target } : {}),
      ...(v.expect?.error !== undefined ? { expectError: v.expect.error } : {}),
    });
  });
  return { file, messages };
}

export function loadTrace(file: string): Trace {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new MigrateError('VERIFY-002', `cannot read trace: ${(e as Error).message}`, {
      location: { file },
      hint: 'check the path (traces are listed per process in migrate.config.json, relative to the project)',
    });
  }
  return parseTrace(text, file);
}

/** One trace line as JSONL text (the format `migrate trace record` writes). */
export function formatTraceLine(m: TraceMessage): string {
  const o: Record<string, unknown> = { From: m.msg.From, Tags: m.msg.Tags ?? {}, Data: m.msg.Data ?? '' };
  if (m.msg.Timestamp !== undefined) o.Timestamp = m.msg.Timestamp;
  if (m.msg.Owner !== undefined) o.Owner = m.msg.Owner;
  if (m.msg.Id !== undefined) o.Id = m.msg.Id;
  if (m.target !== undefined) o.Target = m.target;
  if (m.expectError !== undefined) o.expect = { error: m.expectError };
  return JSON.stringify(o);
}
