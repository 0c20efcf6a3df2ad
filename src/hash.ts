// The one content hash of the toolkit: sha256, hex. Plans, the journal, baselines, the parse
// cache and the runtime manifest all compare files by it.
import { createHash } from 'node:crypto';

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
