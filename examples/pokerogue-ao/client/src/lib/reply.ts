// Reply parsing (this file is saved with a BOM and CRLF line ends on purpose: the codemods
// must keep both bytes-exact outside their edits).
import type { ParsedReply } from './types.js';
import type { Reply } from '../transport/types.js';

/** Parses a reply's Data as JSON; a reply whose Data is not JSON is an error reply. */
export function parseReply<T = unknown>(reply: Reply): ParsedReply<T> {
  const action = reply.Tags['Action'] ?? 'UNKNOWN';
  let body: unknown;
  try {
    body = JSON.parse(reply.Data);
  } catch {
    return { action, ok: false, data: undefined as T, error: 'BAD_JSON' };
  }
  const record = (body ?? {}) as { ok?: boolean; error?: string };
  return { action, ok: record.ok !== false && !record.error, data: body as T, error: record.error };
}
