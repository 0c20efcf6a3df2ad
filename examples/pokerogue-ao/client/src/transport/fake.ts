// A transport that records every message a script sends and answers from a responder, so
// tests can assert the exact messages (the codemods must leave them identical).
import type { OutgoingMessage, Reply, Transport } from './types.js';

export type Responder = (message: OutgoingMessage, attempt: number) => Reply | Error;

const tagOf = (m: OutgoingMessage, name: string): string | undefined => m.Tags.find((t) => t.name === name)?.value;

/** Answers `{ok: true, action}` to everything: enough for scripts that only read `ok`. */
export const okResponder: Responder = (m) => ({
  Tags: { Action: `${tagOf(m, 'Action') ?? 'UNKNOWN'}_RESPONSE` },
  Data: JSON.stringify({ ok: true, action: tagOf(m, 'Action') }),
});

export class FakeTransport implements Transport {
  readonly sent: OutgoingMessage[] = [];
  private readonly attempts = new Map<string, number>();

  constructor(private readonly responder: Responder = okResponder) {}

  async send(message: OutgoingMessage): Promise<Reply> {
    // Deep copy: a script mutating its message afterwards must not change the record.
    this.sent.push(JSON.parse(JSON.stringify(message)) as OutgoingMessage);
    const key = `${message.Target}|${tagOf(message, 'Action')}`;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    const answer = this.responder(message, attempt);
    if (answer instanceof Error) throw answer;
    return answer;
  }
}
