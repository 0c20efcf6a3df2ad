// The journal's record format and its replay (pure: bytes in, state out). journal.jsonl is an
// append-only log of the steps' state transitions, one JSON record per line:
//   {"v":1,"op":"entry","entry":{...}}           an entry (the full JournalEntry: its changes with
//                                                 pre-/post-image sha256 and modes, and its state;
//                                                 'pending-apply' when an apply begins)
//   {"v":1,"op":"sealed","stepId","at"}          every post-image is on disk: 'applied'
//   {"v":1,"op":"commit","stepId","commit","at"} the git commit made for the step
//   {"v":1,"op":"begin-revert","stepId","at"}    'pending-revert': the pre-images are being restored
//   {"v":1,"op":"dropped","stepId","why","at"}   the entry is gone (reverted, a failed apply
//                                                 restored, recover rolled it back, or its
//                                                 changes were absent from the tree: recover --sync)
// replay validates each record once (zod), then checks it may follow the state before it
// (refusal); a record cut short at the end by a crash is ignored (isTornRecord says why that is
// safe), any other damage is JOURNAL-001. Writing the log is journal.ts.
import { existsSync, readFileSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MigrateError } from '../errors.ts';

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

/** 'absent': the step's changes were gone from the work tree (git reset, checkout) and `recover --sync` forgot it. */
export type DropReason = 'reverted' | 'apply-failed' | 'recovered' | 'absent';

const recordSchema = z.discriminatedUnion('op', [
  z.object({ v: z.literal(1), op: z.literal('entry'), entry: entrySchema }),
  z.object({ v: z.literal(1), op: z.literal('sealed'), stepId: z.string(), at: z.string() }),
  z.object({ v: z.literal(1), op: z.literal('commit'), stepId: z.string(), commit: z.string(), at: z.string() }),
  z.object({ v: z.literal(1), op: z.literal('begin-revert'), stepId: z.string(), at: z.string() }),
  z.object({ v: z.literal(1), op: z.literal('dropped'), stepId: z.string(), why: z.enum(['reverted', 'apply-failed', 'recovered', 'absent']), at: z.string() }),
]);
export type JournalRecord = z.infer<typeof recordSchema>;
/** Every record is serialised with these keys first, so a torn record starts with them. */
const RECORD_START = Buffer.from('{"v":1,"op":"');

const migrateDir = (root: string): string => path.join(root, MIGRATE_DIR);
export const journalPath = (root: string): string => path.join(migrateDir(root), 'journal.jsonl');
export { migrateDir };

export const CORRUPT_HINT = `restore ${MIGRATE_DIR}/ from a backup or git; if no step is applied you can delete it`;

/** A JSON document of .migrate/ validated by `schema` (undefined when absent; JOURNAL-001 when damaged). */
export function readJson<T>(file: string, schema: z.ZodType<T>, what: string): T | undefined {
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

interface Stamp {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** The replayed journal of one project, plus what is needed to append to its log. */
export interface LogState {
  /** Live entries in apply order (a Map keeps insertion order; a re-applied step goes last). */
  entries: Map<string, JournalEntry>;
  /** Bytes of each live entry's 'entry' record, and their sum (about the compacted log's size). */
  entryBytes: Map<string, number>;
  liveBytes: number;
  /** Bytes of complete records in journal.jsonl; `fileBytes` also counts a torn last record. */
  validBytes: number;
  fileBytes: number;
  /** journal.jsonl's identity and the last bytes of it when this state was read or written. */
  stamp?: Stamp;
  tail: Buffer;
}

export const TAIL_BYTES = 256;

export const emptyState = (): LogState => ({ entries: new Map(), entryBytes: new Map(), liveBytes: 0, validBytes: 0, fileBytes: 0, tail: Buffer.alloc(0) });

export const stampOf = (st: BigIntStats): Stamp => ({ ino: st.ino, size: st.size, mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs });
export const sameStamp = (a: Stamp, b: Stamp): boolean => a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

function freezeEntry(e: JournalEntry): JournalEntry {
  return Object.freeze({ ...e, changes: Object.freeze(e.changes.map((c) => Object.freeze({ ...c }))) });
}

/** Why `rec` cannot follow `state` (undefined: it can). */
export function refusal(state: LogState, rec: JournalRecord): string | undefined {
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
      return cur && (cur.state !== 'applied' || rec.why === 'absent')
        ? undefined
        : `'dropped' for step '${id}', which is ${cur ? cur.state : 'not in the journal'}`;
  }
}

/** Applies a record that `refusal` accepted; `bytes` is its line's length. */
export function applyRecord(state: LogState, rec: JournalRecord, bytes: number): void {
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
export function replay(file: string, buf: Buffer): LogState {
  const state = emptyState();
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
