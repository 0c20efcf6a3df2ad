// The journal in the project's .migrate/: journal.jsonl (record format and replay:
// journalRecords.ts), each record appended with a single write and fsynced before the engine
// touches any file the record announces. A state transition costs one append of its own record,
// whatever the journal holds. A JournalLog keeps the replayed state it read or wrote (checked
// against the log's inode, size, mtime and ctime before use), so the N steps of one engine
// session never re-read the log; it belongs to that session (one per command run), never to
// the process. The log's first record is written through a temp file, fsync and rename;
// dropping the last entry removes the log instead of appending; when dropped records dominate,
// the log is compacted (rewritten the same way, one 'entry' record per live entry).
// The pre-images live content-addressed in .migrate/blobs/ (journalImages.ts, blobStore.ts);
// baseline.json (fileBaseline.ts) holds every project file's hash before the first step.
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, statSync } from 'node:fs';
import { durableTempPath, readAt, removeFile, syncDir, writeAll, writeDurably } from './durableFiles.ts';
import { BlobStore } from './blobStore.ts';
import {
  applyRecord,
  emptyState,
  journalPath,
  migrateDir,
  refusal,
  replay,
  sameStamp,
  stampOf,
  TAIL_BYTES,
  type DropReason,
  type Journal,
  type JournalEntry,
  type JournalRecord,
  type LogState,
} from './journalRecords.ts';
import path from 'node:path';

export { MIGRATE_DIR, journalPath, type DropReason, type EntryState, type Journal, type JournalChange, type JournalEntry } from './journalRecords.ts';

/** A file changed within this many ms may change again within the clock's granularity. */
const RACY_MS = 1000;
/** Compact once the log is this big and more than COMPACT_RATIO times its live part. */
const COMPACT_MIN_BYTES = 64 * 1024;
const COMPACT_RATIO = 4;

/**
 * One project's journal as seen by one engine session. The engine holds the project lock while
 * it writes, so the session's own appends keep its state exact; a log changed by anyone else is
 * noticed by its stamp and read again.
 */
export class JournalLog {
  readonly file: string;
  /** The images' store (.migrate/blobs), with the index of its packs this session has seen. */
  readonly blobs: BlobStore;
  private state: LogState | undefined;

  constructor(readonly root: string) {
    this.file = journalPath(root);
    this.blobs = new BlobStore(path.join(migrateDir(root), 'blobs'));
  }

  /** The journal; an absent journal is an empty one, a corrupt one is JOURNAL-001. */
  read(): Journal {
    return { version: 1, entries: [...this.load().entries.values()] };
  }

  /** One entry, without copying the list. */
  find(stepId: string): JournalEntry | undefined {
    return this.load().entries.get(stepId);
  }

  /** Forgets the kept replay (a caller that knows another process rewrote the journal). */
  forget(): void {
    this.state = undefined;
  }

  /** An apply begins: the full entry, state 'pending-apply'; durable before any project file is written. */
  beginApply(entry: JournalEntry): void {
    if (entry.state !== 'pending-apply') throw new Error(`journal: a new entry must be 'pending-apply', not '${entry.state}'`);
    this.append({ v: 1, op: 'entry', entry: { ...entry, changes: [...entry.changes] } });
  }

  /** Every post-image is durable: the entry becomes 'applied'. */
  seal(stepId: string): JournalEntry {
    this.append({ v: 1, op: 'sealed', stepId, at: new Date().toISOString() });
    return this.find(stepId)!;
  }

  recordCommit(stepId: string, commit: string): void {
    this.append({ v: 1, op: 'commit', stepId, commit, at: new Date().toISOString() });
  }

  /** Reverts begin ('pending-revert', in the given order); durable before any pre-image is restored. */
  beginRevert(stepIds: readonly string[]): void {
    const at = new Date().toISOString();
    this.append(...stepIds.map((stepId): JournalRecord => ({ v: 1, op: 'begin-revert', stepId, at })));
  }

  /** The entries' files are at their pre-images (durably): the entries go (in the given order). */
  drop(stepIds: readonly string[], why: DropReason): void {
    const at = new Date().toISOString();
    this.append(...stepIds.map((stepId): JournalRecord => ({ v: 1, op: 'dropped', stepId, why, at })));
  }

  /** Replaces the whole journal (compacted: one 'entry' record per entry, with its state). */
  write(journal: { entries: readonly JournalEntry[] }): void {
    const state = emptyState();
    for (const entry of journal.entries) {
      const rec: JournalRecord = { v: 1, op: 'entry', entry: { ...entry, changes: [...entry.changes] } };
      const why = refusal(state, rec);
      if (why) throw new Error(`journal: ${why}`);
      applyRecord(state, rec, 0);
    }
    try {
      this.rewrite(state);
    } catch (e) {
      this.state = undefined;
      throw e;
    }
  }

  /** The journal's state: the kept one when journal.jsonl is the file it was read from or written as. */
  private load(): LogState {
    const file = this.file;
    const hit = this.state;
    if (hit?.stamp) {
      // Same inode, size and times: the kept replay, without opening the file. A file changed
      // within the clock's granularity could have been rewritten to the same size in the same
      // tick: that case compares the file's last bytes too (below).
      const st = statSync(file, { bigint: true, throwIfNoEntry: false });
      if (st && sameStamp(hit.stamp, stampOf(st)) && Date.now() - Number(st.mtimeNs / 1_000_000n) >= RACY_MS) return hit;
    }
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      this.state = undefined;
      return emptyState();
    }
    try {
      const st = fstatSync(fd, { bigint: true });
      const stamp = stampOf(st);
      if (hit?.stamp && sameStamp(hit.stamp, stamp) && readAt(fd, hit.tail.length, Number(st.size) - hit.tail.length).equals(hit.tail)) return hit;
      const state = replay(file, readAt(fd, Number(st.size), 0));
      state.stamp = stamp;
      this.state = state;
      return state;
    } finally {
      closeSync(fd);
    }
  }

  /** Rewrites the log as one 'entry' record per live entry (temp file, fsync, rename), or removes it when empty. */
  private rewrite(state: LogState): void {
    const file = this.file;
    if (state.entries.size === 0) {
      removeFile(file);
      syncDir(migrateDir(this.root));
      this.state = undefined;
      return;
    }
    const lines = [...state.entries.values()].map((entry) => Buffer.from(`${JSON.stringify({ v: 1, op: 'entry', entry })}\n`, 'utf8'));
    const buf = Buffer.concat(lines);
    writeDurably(file, buf);
    const ids = [...state.entries.keys()];
    state.entryBytes = new Map(ids.map((id, i) => [id, lines[i]!.length]));
    state.liveBytes = buf.length;
    state.validBytes = buf.length;
    state.fileBytes = buf.length;
    state.tail = Buffer.from(buf.subarray(Math.max(0, buf.length - TAIL_BYTES)));
    state.stamp = stampOf(statSync(file, { bigint: true }));
    this.state = state;
  }

  /** Appends one record durably: truncates a torn last record first, writes the line, fsyncs. */
  private appendLine(state: LogState, line: Buffer): void {
    const fd = openSync(this.file, 'a');
    try {
      if (state.fileBytes > state.validBytes) ftruncateSync(fd, state.validBytes);
      writeAll(fd, line);
      fsyncSync(fd);
      state.validBytes += line.length;
      state.fileBytes = state.validBytes;
      state.tail = Buffer.from(line.subarray(Math.max(0, line.length - TAIL_BYTES)));
      const st = fstatSync(fd, { bigint: true });
      // Somebody else wrote to it as well (the engine holds the lock, so not the engine): re-read next time.
      if (Number(st.size) === state.validBytes) {
        state.stamp = stampOf(st);
        this.state = state;
      } else this.state = undefined;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * State transitions, validated against the journal in order, then made durable (one write, one
   * fsync) before returning. A crash can keep only a prefix of several records: callers order
   * them so that every prefix is a consistent journal (see revertEntries).
   */
  private append(...recs: JournalRecord[]): void {
    const state = this.load();
    const fresh = state.validBytes === 0;
    const lines: Buffer[] = [];
    for (const rec of recs) {
      const why = refusal(state, rec);
      if (why) {
        this.state = undefined; // the records before it changed the kept state only
        throw new Error(`journal: ${why}`);
      }
      const line = Buffer.from(`${JSON.stringify(rec)}\n`, 'utf8');
      applyRecord(state, rec, line.length);
      lines.push(line);
    }
    const line = lines.length === 1 ? lines[0]! : Buffer.concat(lines);
    try {
      // The last entry dropped (remove the log) or the first record: written whole.
      if (state.entries.size === 0 || fresh) return this.rewrite(state);
      this.appendLine(state, line);
    } catch (e) {
      // The state was changed ahead of the disk: read the disk again next time.
      this.state = undefined;
      throw e;
    }
    if (this.state === state && state.validBytes >= COMPACT_MIN_BYTES && state.validBytes > COMPACT_RATIO * state.liveBytes) {
      try {
        this.rewrite(state);
      } catch {
        // The transition is durable in the log as it is; compaction can wait for a later append.
        this.state = undefined;
        removeFile(durableTempPath(this.file));
      }
    }
  }
}

/** The journal read afresh (for a command that only looks at it). */
export const readJournal = (root: string): Journal => new JournalLog(root).read();
