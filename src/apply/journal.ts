// The journal in the project's .migrate/: journal.json lists the applied steps in order, each
// with its changes (pre- and post-image sha256 and modes) and a state; the images live
// content-addressed in .migrate/blobs/; baseline.json holds every project file's hash before
// the first step. All writes go through a temp file, fsync and rename.
import { sha256 } from '../hash.ts';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MigrateError } from '../errors.ts';
import type { FileChange } from '../stage/tree.ts';

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
export type JournalChange = z.infer<typeof changeSchema>;

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
export type JournalEntry = z.infer<typeof entrySchema>;

const journalSchema = z.object({ version: z.literal(1), entries: z.array(entrySchema) });
export type Journal = z.infer<typeof journalSchema>;

const baselineSchema = z.object({ createdAt: z.string(), files: z.record(z.string(), z.object({ sha256: z.string(), mode: z.number().int() })) });
export type FileBaseline = z.infer<typeof baselineSchema>;

const migrateDir = (root: string): string => path.join(root, MIGRATE_DIR);
export const journalPath = (root: string): string => path.join(migrateDir(root), 'journal.json');
export const baselinePath = (root: string): string => path.join(migrateDir(root), 'baseline.json');
const blobPath = (root: string, sha: string): string => path.join(migrateDir(root), 'blobs', sha.slice(0, 2), sha);

/** Writes a file durably: temp file in the same folder, fsync, rename, fsync the folder. */
export function writeDurably(file: string, data: Buffer | string, opts: { syncFolder?: boolean } = {}): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
    writeSync(fd, buf, 0, buf.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  if (opts.syncFolder !== false) syncDir(path.dirname(file));
}

export function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some file systems refuse fsync on a folder; the rename is still atomic there
  }
}

function readJson<T>(file: string, schema: z.ZodType<T>, what: string): T | undefined {
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new MigrateError('JOURNAL-001', `${what} is corrupt (not JSON: ${(e as Error).message})`, {
      location: { file },
      hint: `restore ${MIGRATE_DIR}/ from a backup or git; if no step is applied you can delete it`,
    });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const list = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new MigrateError('JOURNAL-001', `${what} is corrupt (${list})`, {
      location: { file },
      hint: `restore ${MIGRATE_DIR}/ from a backup or git; if no step is applied you can delete it`,
    });
  }
  return parsed.data;
}

/** The journal; an absent journal is an empty one, a corrupt one is JOURNAL-001. */
export function readJournal(root: string): Journal {
  return readJson(journalPath(root), journalSchema, 'the journal') ?? { version: 1, entries: [] };
}

export function writeJournal(root: string, journal: Journal): void {
  writeDurably(journalPath(root), `${JSON.stringify(journal, null, 2)}\n`);
}

export function readFileBaseline(root: string): FileBaseline | undefined {
  return readJson(baselinePath(root), baselineSchema, 'baseline.json');
}

export function writeFileBaseline(root: string, baseline: FileBaseline): void {
  writeDurably(baselinePath(root), `${JSON.stringify(baseline, null, 2)}\n`);
}

/** Stores bytes content-addressed; returns their sha256. */
export function putBlob(root: string, data: Buffer, touched?: Set<string>): string {
  const sha = sha256(data);
  const file = blobPath(root, sha);
  if (!existsSync(file)) {
    // Folders are synced once per changeset (recordChanges), not once per blob.
    writeDurably(file, data, { syncFolder: touched === undefined });
    touched?.add(path.dirname(file));
  }
  return sha;
}

/** The bytes of a blob, verified against their hash (JOURNAL-002 when missing or damaged). */
export function getBlob(root: string, sha: string): Buffer {
  const file = blobPath(root, sha);
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    throw new MigrateError('JOURNAL-002', `the stored image ${sha.slice(0, 12)} is missing`, {
      location: { file },
      hint: `${MIGRATE_DIR}/blobs was changed or deleted; restore it from a backup (git history can also restore the files)`,
    });
  }
  if (sha256(data) !== sha) {
    throw new MigrateError('JOURNAL-002', `the stored image ${sha.slice(0, 12)} is damaged (hash mismatch)`, {
      location: { file },
      hint: `restore ${MIGRATE_DIR}/blobs from a backup`,
    });
  }
  return data;
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

/** Journal records for a changeset (the disk holds the pre-images); stores every image as a blob. */
export function recordChanges(root: string, changes: FileChange[], beforeMode: (path: string) => number | undefined): JournalChange[] {
  const touched = new Set<string>();
  const put = (b: Buffer): string => putBlob(root, b, touched);
  const out = changes.map((c): JournalChange => {
    switch (c.kind) {
      case 'create':
        return { kind: 'create', path: c.path, afterSha: put(c.after), afterMode: c.mode ?? DEFAULT_MODE };
      case 'delete':
        return { kind: 'delete', path: c.path, beforeSha: put(c.before), beforeMode: beforeMode(c.path) ?? c.mode ?? DEFAULT_MODE };
      case 'update':
        return { kind: 'update', path: c.path, beforeSha: put(c.before), afterSha: put(c.after), beforeMode: beforeMode(c.path) ?? c.mode ?? DEFAULT_MODE, afterMode: c.mode ?? DEFAULT_MODE };
      case 'move':
        return { kind: 'move', path: c.to, from: c.from, beforeSha: put(c.before), afterSha: put(c.after), beforeMode: beforeMode(c.from) ?? c.mode ?? DEFAULT_MODE, afterMode: c.mode ?? DEFAULT_MODE };
    }
  });
  for (const dir of touched) syncDir(dir);
  syncDir(path.join(migrateDir(root), 'blobs'));
  return out;
}

/** Per-path before/after images of journalled changes (a move is two paths). */
export function pathImages(changes: JournalChange[]): PathImage[] {
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
