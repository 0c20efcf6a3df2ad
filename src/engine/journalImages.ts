// The journal's file images: per change, the pre-image stored (content-addressed, in the
// session's BlobStore) and the post-image's hash, and the per-path view recover and revert use.
import type { FileChange } from '../files/tree.ts';
import { fileSha256 } from '../hash.ts';
import type { JournalLog } from './journal.ts';
import type { JournalChange } from './journalRecords.ts';

/** What a file should be: its sha256 and mode, or absent (sha null). */
export interface PathImage {
  path: string;
  before: { sha: string; mode: number } | null;
  after: { sha: string; mode: number } | null;
}

const DEFAULT_MODE = 0o644;

/**
 * Journal records for a changeset (the disk holds the pre-images). The pre-images are stored,
 * durably: reverts and recover restore them. Post-images are recorded by hash only: the apply
 * writes them from the changes' own bytes, and recover only compares the disk with their hashes
 * (roll forward) or restores the pre-images, so storing them would only double the bytes written.
 */
export function recordChanges(journal: JournalLog, changes: FileChange[], beforeMode: (path: string) => number | undefined): JournalChange[] {
  const befores: Buffer[] = [];
  for (const c of changes) if (c.kind !== 'create') befores.push(c.before);
  const shas = journal.blobs.put(befores);
  let next = 0;
  const before = (): string => shas[next++]!;
  const after = (b: Buffer): string => fileSha256(b);
  return changes.map((c): JournalChange => {
    switch (c.kind) {
      case 'create':
        return { kind: 'create', path: c.path, afterSha: after(c.after), afterMode: c.mode ?? DEFAULT_MODE };
      case 'delete':
        return { kind: 'delete', path: c.path, beforeSha: before(), beforeMode: beforeMode(c.path) ?? c.mode ?? DEFAULT_MODE };
      case 'update':
        return {
          kind: 'update',
          path: c.path,
          beforeSha: before(),
          afterSha: after(c.after),
          beforeMode: beforeMode(c.path) ?? c.mode ?? DEFAULT_MODE,
          afterMode: c.mode ?? DEFAULT_MODE,
        };
      case 'move':
        return {
          kind: 'move',
          path: c.to,
          from: c.from,
          beforeSha: before(),
          afterSha: after(c.after),
          beforeMode: beforeMode(c.from) ?? c.mode ?? DEFAULT_MODE,
          afterMode: c.mode ?? DEFAULT_MODE,
        };
    }
  });
}

/** The bytes of a journalled image, verified against their hash (JOURNAL-002 when missing or damaged). */
export function getImage(journal: JournalLog, sha: string): Buffer {
  return journal.blobs.get(sha);
}

/** Per-path before/after images of journalled changes (a move is two paths). */
export function pathImages(changes: readonly JournalChange[]): PathImage[] {
  const out: PathImage[] = [];
  const img = (sha: string | undefined, mode: number | undefined) => (sha === undefined ? null : { sha, mode: mode ?? DEFAULT_MODE });
  for (const c of changes) {
    if (c.kind === 'move') {
      out.push({ path: c.from!, before: img(c.beforeSha, c.beforeMode), after: null });
      out.push({ path: c.path, before: null, after: img(c.afterSha, c.afterMode) });
    } else {
      out.push({ path: c.path, before: img(c.beforeSha, c.beforeMode), after: img(c.afterSha, c.afterMode) });
    }
  }
  return out;
}
