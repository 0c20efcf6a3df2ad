// The one content hash of the toolkit: sha256, hex. Plans, the journal, baselines, the parse
// cache and the runtime manifest all compare files by it.
import { createHash } from 'node:crypto';

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

const byBuffer = new WeakMap<Buffer, string>();

/**
 * sha256 of file bytes, remembered per Buffer object: a workspace hands out the same Buffer for
 * an unchanged file, and the engine hashes what transforms read on every step. File buffers
 * are never written to in place (a change is always a new Buffer).
 */
export function fileSha256(b: Buffer): string {
  let h = byBuffer.get(b);
  if (h === undefined) byBuffer.set(b, (h = sha256(b)));
  return h;
}
