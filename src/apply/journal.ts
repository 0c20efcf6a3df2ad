// The journal in the project's .migrate/. journal.jsonl is an append-only log of the steps'
// state transitions, one JSON record per line, each appended with a single write and fsynced
// before the engine touches any file the record announces:
//   {"v":1,"op":"entry","entry":{...}}           an entry (the full JournalEntry: its changes with
//                                                 pre-/post-image sha256 and modes, and its state;
//                                                 'pending-apply' when an apply begins)
//   {"v":1,"op":"sealed","stepId","at"}          every post-image is on disk: 'applied'
//   {"v":1,"op":"commit","stepId","commit","at"} the git commit made for the step
//   {"v":1,"op":"begin-revert","stepId","at"}    'pending-revert': the pre-images are being restored
//   {"v":1,"op":"dropped","stepId","why","at"}   the entry is gone (reverted, a failed apply
//                                                 restored, recover rolled it back, or its
//                                                 changes were absent from the tree: recover --sync)
// readJournal replays the log into {version: 1, entries} (entries in apply order), validating
// each record once. A state transition costs one append of its own record, whatever the
// journal holds; the replayed state is cached per process (keyed by the log's inode, size,
// mtime and ctime), so N steps in one process never re-read the log. The log's first record is
// written through a temp file, fsync and rename; dropping the last entry removes the log
// instead of appending; when dropped records dominate, the log is compacted (rewritten the
// same way, one 'entry' record per live entry). A record cut short at the end by a crash is
// ignored (see isTornRecord for why that is safe), any other damage is JOURNAL-001.
// An older toolkit kept the whole journal in journal.json: it is still read, and converted to
// the log on the next write.
// The pre-images live content-addressed in .migrate/blobs/ (blobStore.ts); baseline.json holds
// every project file's hash before the first step. Whole-file writes go through a temp file, fsync and rename.
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, statSync, unlinkSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MigrateError } from '../errors.ts';
import type { FileChange } from '../files/tree.ts';
import { getBlob, putBlobs } from './blobStore.ts';
import { fileSha256 } from '../hash.ts';
import { durableTempPath, readAt, syncDir, writeAll, writeDurably } from './durableFiles.ts';

export const MIGRATE_DIR = '.migrate';

const changeSchema = z.object({
  kind: z.enum(['create', 'update', 'delete', 'move']),
  /** The file (for a move: the destination). */
  path: z.string(),
  /** A move's source. */
  from: z.string().optional(),
  beforeSha: z.string().optional(),
  afterSha: z.string().optional(),
  beforeMode: z.number().int().optional(),
  afterMode: z.number().int().optional(),
});
export type JournalChange = Readonly<z.infer<typeof changeSchema>>;

const entrySchema = z.object({
  stepId: z.string(),
  transform: z.string(),
  story: z.string(),
  title: z.string(),
  paramsHash: z.string(),
  state: z.enum(['pending-apply', 'applied', 'pending-revert']),
  startedAt: z.string(),
  sealedAt: z.string().optional(),
  commit: z.string().optional(),
  changes: z.array(changeSchema),
});
type EntryData = z.infer<typeof entrySchema>;
/** A journalled step. Entries handed out are frozen: they are shared with the journal cache. */
export type JournalEntry = Readonly<Omit<EntryData, 'changes'>> & { readonly changes: readonly JournalChange[] };
export type EntryState = EntryData['state'];

/** The replayed journal; `entries` is a fresh array on every read (the entries are frozen). */
export interface Journal {
  version: 1;
  entries: JournalEntry[];
}

/** journal.json of older toolkit versions: the whole journal as one document. */
const legacyJournalSchema = z.object({ version: z.literal(1), entries: z.array(entrySchema) });

/** 'absent': the step's changes were gone from the work tree (git reset, checkout) and `recover --sync` forgot it. */
export type DropReason = 'reverted' | 'apply-failed' | 'recovered' | 'absent';

const recordSchema = z.discriminatedUnion('op', [
  z.object({ v: z.literal(1), op: z.literal('entry'), entry: entrySchema }),
  z.object({ v: z.literal(1), op: z.literal('sealed'), stepId: z.string(), at: z.string() }),
  z.object({ v: z.literal(1), op: z.literal('commit'), stepId: z.string(), commit: z.string(), at: z.string() }),
  z.object({ v: z.literal(1), op: z.literal('begin-revert'), stepId: z.string(), at: z.string() }),
  z.object({ v: z.literal(1), op: z.literal('dropped'), stepId: z.string(), why: z.enum(['reverted', 'apply-failed', 'recovered', 'absent']), at: z.string() }),
]);
type JournalRecord = z.infer<typeof recordSchema>;
/** Every record is serialised with these keys first, so a torn record starts with them. */
const RECORD_START = Buffer.from('{"v":1,"op":"');

const baselineSchema = z.object({ createdAt: z.string(), files: z.record(z.string(), z.object({ sha256: z.string(), mode: z.number().int() })) });
export type FileBaseline = z.infer<typeof baselineSchema>;

const migrateDir = (root: string): string => path.join(root, MIGRATE_DIR);
export const journalPath = (root: string): string => path.join(migrateDir(root), 'journal.jsonl');
/** The journal of older toolkit versions (read, then converted to journal.jsonl on the next write). */
export const legacyJournalPath = (root: string): string => path.join(migrateDir(root), 'journal.json');
export const baselinePath = (root: string): string => path.join(migrateDir(root), 'baseline.json');
/** The blob store of the journal's images (see blobStore.ts). */
const blobStore = (root: string): string => path.join(migrateDir(root), 'blobs');

const CORRUPT_HINT = `restore ${MIGRATE_DIR}/ from a backup or git; if no step is applied you can delete it`;

function readJson<T>(file: string, schema: z.ZodType<T>, what: string): T | undefined {
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new MigrateError('JOURNAL-001', `${what} is corrupt (not JSON: ${(e as Error).message})`, { location: { file }, hint: CORRUPT_HINT });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new MigrateError('JOURNAL-001', `${what} is corrupt (${issueList(parsed.error)})`, { location: { file }, hint: CORRUPT_HINT });
  }
  return parsed.data;
}

const issueList = (error: z.ZodError): string => error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

// ---------------------------------------------------------------------------------------------
// The log and its in-process cache

interface Stamp {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** The replayed journal of one project, plus what is needed to append to its log. */
interface LogState {
  /** Live entries in apply order (a Map keeps insertion order; a re-applied step goes last). */
  entries: Map<string, JournalEntry>;
  /** Bytes of each live entry's 'entry' record, and their sum (about the compacted log's size). */
  entryBytes: Map<string, number>;
  liveBytes: number;
  /** Where the state was read from: no journal, journal.jsonl, or an older journal.json. */
  source: 'none' | 'log' | 'legacy';
  /** Bytes of complete records in journal.jsonl; `fileBytes` also counts a torn last record. */
  validBytes: number;
  fileBytes: number;
  /** journal.json next to journal.jsonl: a conversion that stopped before removing it. */
  staleLegacy: boolean;
  /** journal.jsonl's identity and the last bytes of it when this state was read or written. */
  stamp?: Stamp;
  tail: Buffer;
}

/** Per log path. The engine holds the project lock while it writes, so its own appends keep this exact. */
const cache = new Map<string, LogState>();
/** A file changed within this many ms may change again within the clock's granularity. */
const RACY_MS = 1000;
const TAIL_BYTES = 256;
/** Compact once the log is this big and more than COMPACT_RATIO times its live part. */
const COMPACT_MIN_BYTES = 64 * 1024;
const COMPACT_RATIO = 4;

const emptyState = (source: LogState['source']): LogState => ({ entries: new Map(), entryBytes: new Map(), liveBytes: 0, source, validBytes: 0, fileBytes: 0, staleLegacy: false, tail: Buffer.alloc(0) });

const stampOf = (st: BigIntStats): Stamp => ({ ino: st.ino, size: st.size, mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs });
const sameStamp = (a: Stamp, b: Stamp): boolean => a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

function freezeEntry(e: JournalEntry): JournalEntry {
  return Object.freeze({ ...e, changes: Object.freeze(e.changes.map((c) => Object.freeze({ ...c }))) });
}

/** Why `rec` cannot follow `state` (undefined: it can). */
function refusal(state: LogState, rec: JournalRecord): string | undefined {
  const id = rec.op === 'entry' ? rec.entry.stepId : rec.stepId;
  const cur = state.entries.get(id);
  switch (rec.op) {
    case 'entry':
      return cur ? `step '${id}' has a second entry` : undefined;
    case 'sealed':
      return cur?.state === 'pending-apply' ? undefined : `'sealed' for step '${id}', which is ${cur ? cur.state : 'not in the journal'}`;
    case 'commit':
      return cur ? undefined : `'commit' for step '${id}', which is not in the journal`;
    case 'begin-revert':
      return cur?.state === 'applied' ? undefined : `'begin-revert' for step '${id}', which is ${cur ? cur.state : 'not in the journal'}`;
    case 'dropped':
      // an applied entry is dropped directly only when its changes are gone from the tree (recover --sync)
      return cur && (cur.state !== 'applied' || rec.why === 'absent') ? undefined : `'dropped' for step '${id}', which is ${cur ? cur.state : 'not in the journal'}`;
  }
}

/** Applies a record that `refusal` accepted; `bytes` is its line's length. */
function applyRecord(state: LogState, rec: JournalRecord, bytes: number): void {
  if (rec.op === 'entry') {
    state.entries.set(rec.entry.stepId, freezeEntry(rec.entry));
    state.entryBytes.set(rec.entry.stepId, bytes);
    state.liveBytes += bytes;
    return;
  }
  const cur = state.entries.get(rec.stepId)!;
  switch (rec.op) {
    case 'sealed':
      state.entries.set(rec.stepId, Object.freeze({ ...cur, state: 'applied', sealedAt: rec.at }));
      break;
    case 'commit':
      state.entries.set(rec.stepId, Object.freeze({ ...cur, commit: rec.commit }));
      break;
    case 'begin-revert':
      state.entries.set(rec.stepId, Object.freeze({ ...cur, state: 'pending-revert' }));
      break;
    case 'dropped':
      state.entries.delete(rec.stepId);
      state.liveBytes -= state.entryBytes.get(rec.stepId) ?? 0;
      state.entryBytes.delete(rec.stepId);
      break;
  }
}

function corrupt(file: string, line: number, detail: string): MigrateError {
  return new MigrateError('JOURNAL-001', `the journal is corrupt (${detail})`, { location: { file, line }, hint: CORRUPT_HINT });
}

/**
 * A last line without its newline is a record whose append was cut short (a crash, a full
 * disk: each record is one write ending in '\n', so a cut leaves a prefix of it; after a power
 * loss the unwritten part may read as NUL bytes). Ignoring it is safe for every kind of record,
 * because nothing a record announces is done before the record is fsynced, and a record that
 * concludes something is written only after that is durable:
 *   - 'entry' (apply begins): no project file has been touched yet (only content-addressed
 *     blobs were written, which nothing references); the step was simply never applied.
 *   - 'sealed': every post-image is already durable; the entry stays 'pending-apply' and
 *     `migrate recover` finds every post-image in place and rolls forward (seals it).
 *   - 'commit': the step is applied and sealed; only the commit id is not remembered.
 *   - 'begin-revert': no file has been restored yet; the entry stays 'applied', as the disk is.
 *   - 'dropped': the entry stays 'pending-revert' or 'pending-apply' (the record before it),
 *     the disk holds the pre-images, and `migrate recover` restores them (no-op) and drops it.
 * So the journal reads as it was before the cut record, a state the engine has already made
 * durable and can recover from. The next append first truncates the cut record, so it never
 * ends up in the middle of the log. Anything else that does not parse, a complete line
 * (ending in '\n') or a cut one that is not the start of a record this journal writes, is
 * corruption: JOURNAL-001 with the line.
 */
function isTornRecord(rest: Buffer): boolean {
  if (rest.every((b) => b === 0)) return true;
  const n = Math.min(rest.length, RECORD_START.length);
  return rest.subarray(0, n).equals(RECORD_START.subarray(0, n));
}

/** Replays a log's bytes: one zod validation per record, linear in the log's size. */
function replay(file: string, buf: Buffer): LogState {
  const state = emptyState('log');
  let pos = 0;
  let line = 0;
  for (let nl = buf.indexOf(10, pos); nl >= 0; nl = buf.indexOf(10, pos)) {
    line += 1;
    let raw: unknown;
    try {
      raw = JSON.parse(buf.toString('utf8', pos, nl));
    } catch (e) {
      throw corrupt(file, line, `not JSON: ${(e as Error).message}`);
    }
    const parsed = recordSchema.safeParse(raw);
    if (!parsed.success) throw corrupt(file, line, issueList(parsed.error));
    const why = refusal(state, parsed.data);
    if (why) throw corrupt(file, line, why);
    applyRecord(state, parsed.data, nl + 1 - pos);
    pos = nl + 1;
  }
  if (pos < buf.length && !isTornRecord(buf.subarray(pos))) throw corrupt(file, line + 1, 'an unfinished last line that is not a journal record');
  state.validBytes = pos;
  state.fileBytes = buf.length;
  state.tail = Buffer.from(buf.subarray(Math.max(0, buf.length - TAIL_BYTES)));
  return state;
}

function readLegacy(root: string): LogState {
  const legacy = readJson(legacyJournalPath(root), legacyJournalSchema, 'the journal (journal.json)');
  if (!legacy) return emptyState('none');
  const state = emptyState('legacy');
  for (const [i, entry] of legacy.entries.entries()) {
    const rec: JournalRecord = { v: 1, op: 'entry', entry };
    const why = refusal(state, rec);
    if (why) throw new MigrateError('JOURNAL-001', `the journal (journal.json) is corrupt (entries.${i}: ${why})`, { location: { file: legacyJournalPath(root) }, hint: CORRUPT_HINT });
    applyRecord(state, rec, JSON.stringify(rec).length + 1);
  }
  return state;
}

/** The journal's state: from the cache when journal.jsonl is the file it was read from or written as. */
function load(root: string): LogState {
  const file = journalPath(root);
  const hit = cache.get(file);
  if (hit?.stamp) {
    // Same inode, size and times: the cached replay, without opening the file. A file changed
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
    cache.delete(file);
    return readLegacy(root);
  }
  try {
    const st = fstatSync(fd, { bigint: true });
    const stamp = stampOf(st);
    if (hit?.stamp && sameStamp(hit.stamp, stamp) && readAt(fd, hit.tail.length, Number(st.size) - hit.tail.length).equals(hit.tail)) return hit;
    const state = replay(file, readAt(fd, Number(st.size), 0));
    state.stamp = stamp;
    state.staleLegacy = existsSync(legacyJournalPath(root));
    cache.set(file, state);
    return state;
  } finally {
    closeSync(fd);
  }
}

/** Rewrites the log as one 'entry' record per live entry (temp file, fsync, rename), or removes it when empty. */
function rewrite(root: string, state: LogState): void {
  const file = journalPath(root);
  if (state.entries.size === 0) {
    // journal.json first: removing the log first could bring a stale journal.json back.
    if (state.source === 'legacy' || state.staleLegacy) removeFile(legacyJournalPath(root));
    removeFile(file);
    syncDir(migrateDir(root));
    cache.delete(file);
    return;
  }
  const lines = [...state.entries.values()].map((entry) => Buffer.from(`${JSON.stringify({ v: 1, op: 'entry', entry })}\n`, 'utf8'));
  const buf = Buffer.concat(lines);
  writeDurably(file, buf);
  if (state.source === 'legacy' || state.staleLegacy) {
    // Only once the log is durable: until then journal.json is the journal.
    removeFile(legacyJournalPath(root));
    syncDir(migrateDir(root));
  }
  const ids = [...state.entries.keys()];
  state.entryBytes = new Map(ids.map((id, i) => [id, lines[i]!.length]));
  state.liveBytes = buf.length;
  state.source = 'log';
  state.staleLegacy = false;
  state.validBytes = buf.length;
  state.fileBytes = buf.length;
  state.tail = Buffer.from(buf.subarray(Math.max(0, buf.length - TAIL_BYTES)));
  state.stamp = stampOf(statSync(file, { bigint: true }));
  cache.set(file, state);
}

/** Appends one record durably: truncates a torn last record first, writes the line, fsyncs. */
function appendLine(file: string, state: LogState, line: Buffer): void {
  const fd = openSync(file, 'a');
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
      cache.set(file, state);
    } else cache.delete(file);
  } finally {
    closeSync(fd);
  }
}

/**
 * State transitions, validated against the journal in order, then made durable (one write, one
 * fsync) before returning. A crash can keep only a prefix of several records: callers order
 * them so that every prefix is a consistent journal (see revertEntries).
 */
function append(root: string, ...recs: JournalRecord[]): void {
  const file = journalPath(root);
  const state = load(root);
  const lines: Buffer[] = [];
  for (const rec of recs) {
    const why = refusal(state, rec);
    if (why) {
      cache.delete(file); // the records before it changed the cached state only
      throw new Error(`journal: ${why}`);
    }
    const line = Buffer.from(`${JSON.stringify(rec)}\n`, 'utf8');
    applyRecord(state, rec, line.length);
    lines.push(line);
  }
  const line = lines.length === 1 ? lines[0]! : Buffer.concat(lines);
  try {
    if (state.entries.size === 0 || state.source !== 'log') {
      // The last entry dropped (remove the log), the first record, or a journal.json to convert.
      rewrite(root, state);
      return;
    }
    if (state.staleLegacy) {
      removeFile(legacyJournalPath(root));
      syncDir(migrateDir(root));
      state.staleLegacy = false;
    }
    appendLine(file, state, line);
  } catch (e) {
    // The state was changed ahead of the disk: read the disk again next time.
    cache.delete(file);
    throw e;
  }
  if (cache.get(file) === state && state.validBytes >= COMPACT_MIN_BYTES && state.validBytes > COMPACT_RATIO * state.liveBytes) {
    try {
      rewrite(root, state);
    } catch {
      // The transition is durable in the log as it is; compaction can wait for a later append.
      cache.delete(file);
      removeFile(durableTempPath(file));
    }
  }
}

/** The journal; an absent journal is an empty one, a corrupt one is JOURNAL-001. */
export function readJournal(root: string): Journal {
  return { version: 1, entries: [...load(root).entries.values()] };
}

/** One entry, without copying the list. */
export function findJournalEntry(root: string, stepId: string): JournalEntry | undefined {
  return load(root).entries.get(stepId);
}

/** Forgets the cached replay (tests; a caller that knows another process rewrote the journal). */
export function forgetJournalCache(root?: string): void {
  if (root === undefined) cache.clear();
  else cache.delete(journalPath(root));
}

/** An apply begins: the full entry, state 'pending-apply'; durable before any project file is written. */
export function beginApply(root: string, entry: JournalEntry): void {
  if (entry.state !== 'pending-apply') throw new Error(`journal: a new entry must be 'pending-apply', not '${entry.state}'`);
  append(root, { v: 1, op: 'entry', entry: { ...entry, changes: [...entry.changes] } });
}

/** Every post-image is durable: the entry becomes 'applied'. */
export function sealEntry(root: string, stepId: string): JournalEntry {
  append(root, { v: 1, op: 'sealed', stepId, at: new Date().toISOString() });
  return findJournalEntry(root, stepId)!;
}

export function recordCommit(root: string, stepId: string, commit: string): void {
  append(root, { v: 1, op: 'commit', stepId, commit, at: new Date().toISOString() });
}

/** Reverts begin ('pending-revert', in the given order); durable before any pre-image is restored. */
export function beginRevert(root: string, stepIds: readonly string[]): void {
  const at = new Date().toISOString();
  append(root, ...stepIds.map((stepId): JournalRecord => ({ v: 1, op: 'begin-revert', stepId, at })));
}

/** The entries' files are at their pre-images (durably): the entries go (in the given order). */
export function dropEntries(root: string, stepIds: readonly string[], why: DropReason): void {
  const at = new Date().toISOString();
  append(root, ...stepIds.map((stepId): JournalRecord => ({ v: 1, op: 'dropped', stepId, why, at })));
}

export const dropEntry = (root: string, stepId: string, why: DropReason): void => dropEntries(root, [stepId], why);

/** Replaces the whole journal (compacted: one 'entry' record per entry, with its state). */
export function writeJournal(root: string, journal: { entries: readonly JournalEntry[] }): void {
  const state = emptyState('log');
  state.staleLegacy = existsSync(legacyJournalPath(root));
  for (const entry of journal.entries) {
    const rec: JournalRecord = { v: 1, op: 'entry', entry: { ...entry, changes: [...entry.changes] } };
    const why = refusal(state, rec);
    if (why) throw new Error(`journal: ${why}`);
    applyRecord(state, rec, 0);
  }
  try {
    rewrite(root, state);
  } catch (e) {
    cache.delete(journalPath(root));
    throw e;
  }
}

export function readFileBaseline(root: string): FileBaseline | undefined {
  return readJson(baselinePath(root), baselineSchema, 'baseline.json');
}

export function writeFileBaseline(root: string, baseline: FileBaseline): void {
  writeDurably(baselinePath(root), `${JSON.stringify(baseline, null, 2)}\n`);
}

export function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

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
export function recordChanges(root: string, changes: FileChange[], beforeMode: (path: string) => number | undefined): JournalChange[] {
  const befores: Buffer[] = [];
  for (const c of changes) if (c.kind !== 'create') befores.push(c.before);
  const shas = putBlobs(blobStore(root), befores);
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
        return { kind: 'update', path: c.path, beforeSha: before(), afterSha: after(c.after), beforeMode: beforeMode(c.path) ?? c.mode ?? DEFAULT_MODE, afterMode: c.mode ?? DEFAULT_MODE };
      case 'move':
        return { kind: 'move', path: c.to, from: c.from, beforeSha: before(), afterSha: after(c.after), beforeMode: beforeMode(c.from) ?? c.mode ?? DEFAULT_MODE, afterMode: c.mode ?? DEFAULT_MODE };
    }
  });
}

/** The bytes of a journalled image, verified against their hash (JOURNAL-002 when missing or damaged). */
export function getImage(root: string, sha: string): Buffer {
  return getBlob(blobStore(root), sha);
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
