// Applying and reverting journalled changesets on disk. Apply: store the pre-images, append
// the entry 'pending-apply' to the journal (fsync), set every file through temp file + rename,
// append 'sealed'. A write error rolls the files already written back and drops the entry, so
// nothing is left between. Revert (of one step or several together) appends 'begin-revert',
// restores the pre-images (checked by hash), then drops the entries. Each step costs journal
// appends of its own size only.
import { MigrateError } from '../errors.ts';
import { fileSha256 } from '../hash.ts';
import type { FileChange } from '../files/tree.ts';
import { diskHolds, diskMode, defaultWriteFile, removeTempFiles, setFile, type WriteFileFn } from './fileOps.ts';
import { syncDir } from './durableFiles.ts';
import type { JournalEntry, JournalLog } from './journal.ts';
import { getImage, pathImages, recordChanges, type PathImage } from './journalImages.ts';

/** Sets each path to the chosen side; returns nothing, throws on the first failure. */
function writeImages(
  journal: JournalLog,
  images: PathImage[],
  side: 'before' | 'after',
  writeFile: WriteFileFn,
  done?: PathImage[],
  inMemory?: ReadonlyMap<string, Buffer>,
): void {
  // Removals first so a move into a path another change frees works; then writes.
  const root = journal.root;
  const ordered = [...images].sort((a, b) => Number(a[side] !== null) - Number(b[side] !== null));
  const dirs = new Set<string>();
  try {
    for (const img of ordered) {
      const want = img[side];
      if (diskHolds(root, img.path, want, want ? inMemory?.get(want.sha)?.length : undefined)) {
        done?.push(img);
        continue;
      }
      setFile(root, img.path, want ? (inMemory?.get(want.sha) ?? getImage(journal, want.sha)) : null, want?.mode, writeFile, dirs);
      done?.push(img);
    }
  } finally {
    // The renames are durable once their folders are synced: before the entry is sealed.
    for (const d of dirs) syncDir(d);
  }
}

/** Paths whose disk state is neither side expected (named in errors). */
export function mismatching(root: string, images: PathImage[], side: 'before' | 'after'): string[] {
  return images.filter((i) => !diskHolds(root, i.path, i[side])).map((i) => i.path);
}

export interface EntryInfo {
  stepId: string;
  transform: string;
  story: string;
  title: string;
  paramsHash: string;
}

export function applyChangeset(journal: JournalLog, info: EntryInfo, changes: FileChange[], writeFile: WriteFileFn = defaultWriteFile): JournalEntry {
  const root = journal.root;
  const entry: JournalEntry = {
    ...info,
    state: 'pending-apply',
    startedAt: new Date().toISOString(),
    changes: recordChanges(journal, changes, (p) => diskMode(root, p)),
  };
  journal.beginApply(entry);
  const images = pathImages(entry.changes);
  const done: PathImage[] = [];
  try {
    // the post-images are the changes' own bytes (the store keeps the pre-images only)
    const inMemory = new Map<string, Buffer>();
    for (const c of changes) if (c.kind !== 'delete') inMemory.set(fileSha256(c.after), c.after);
    writeImages(journal, images, 'after', writeFile, done, inMemory);
  } catch (e) {
    const cause = e as NodeJS.ErrnoException;
    let restored = true;
    try {
      writeImages(journal, done, 'before', defaultWriteFile);
      removeTempFiles(
        root,
        images.map((i) => i.path),
      );
    } catch {
      restored = false;
    }
    if (restored) journal.drop([info.stepId], 'apply-failed');
    throw new MigrateError('APPLY-040', `writing step '${info.stepId}' failed: ${cause.code ?? ''} ${cause.message}`.replace(/\s+/g, ' '), {
      cause: e,
      exitCode: 2,
      hint: restored
        ? 'nothing was changed (the files written so far were restored); free disk space or fix permissions and apply again'
        : "the files could not all be restored: run 'migrate recover'",
    });
  }
  return journal.seal(info.stepId);
}

/**
 * Per path, what reverting `entries` (in apply order) together leads from and to: the pre-image
 * of the first entry touching the path and the post-image of the last. Reverting several steps
 * at once writes each file once, at its final image, not once per step.
 */
export function netImages(entries: readonly JournalEntry[]): PathImage[] {
  const net = new Map<string, PathImage>();
  for (const e of entries) {
    for (const img of pathImages(e.changes)) {
      const seen = net.get(img.path);
      net.set(img.path, { path: img.path, before: seen ? seen.before : img.before, after: img.after });
    }
  }
  return [...net.values()];
}

/**
 * Reverts journalled entries, given newest first (each must be 'applied'); the disk must still
 * hold their post-images. All are marked 'pending-revert' (one journal write), every file is set
 * once to its pre-image of the oldest of them, then all are dropped (one journal write). Both
 * journal writes list the newest first, so a crash that keeps only part of one leaves the newest
 * k entries pending-revert with the others untouched: exactly what recoverJournal completes.
 */
export function revertEntries(journal: JournalLog, stepIds: readonly string[], writeFile: WriteFileFn = defaultWriteFile): void {
  if (stepIds.length === 0) return;
  const root = journal.root;
  const entries = stepIds.map((stepId) => {
    const entry = journal.find(stepId);
    if (!entry) throw new MigrateError('APPLY-050', `step '${stepId}' is not applied`, { hint: "see 'migrate status'" });
    if (entry.state !== 'applied') {
      throw new MigrateError('JOURNAL-003', `the ${entry.state === 'pending-apply' ? 'apply' : 'revert'} of step '${stepId}' was interrupted`, {
        hint: "run 'migrate recover' first (it restores the files to before or after that step)",
      });
    }
    return entry;
  });
  const images = netImages([...entries].reverse());
  const what = stepIds.length === 1 ? `'${stepIds[0]}'` : `${stepIds.length} steps (newest '${stepIds[0]}')`;
  const changed = mismatching(root, images, 'after');
  if (changed.length) {
    throw new MigrateError('APPLY-051', `cannot revert ${what}: files changed since it was applied:\n${changed.map((p) => `  ${p}`).join('\n')}`, {
      hint: 'undo those edits (or revert the later steps that touched them first: migrate revert --to <step>)',
    });
  }
  journal.beginRevert(stepIds);
  writeImages(journal, images, 'before', writeFile);
  const wrong = mismatching(root, images, 'before');
  if (wrong.length) {
    throw new MigrateError('APPLY-052', `revert of ${what} left files that do not match their pre-images: ${wrong.join(', ')}`, {
      hint: "run 'migrate recover'",
    });
  }
  journal.drop(stepIds, 'reverted');
}

/** Reverts one journalled entry (see revertEntries). */
export function revertEntry(journal: JournalLog, stepId: string, writeFile: WriteFileFn = defaultWriteFile): void {
  revertEntries(journal, [stepId], writeFile);
}

export type RecoverAction = 'none' | 'rolled-back' | 'rolled-forward' | 'revert-completed';

/**
 * Brings an unsealed entry to before (or after, when every post-image is already there); entries
 * left 'pending-revert' by one revertEntries call are completed together.
 */
export function recoverJournal(journal: JournalLog): { action: RecoverAction; stepId?: string } {
  const root = journal.root;
  const unsealed = journal.read().entries.filter((e) => e.state !== 'applied');
  const entry = unsealed.find((e) => e.state === 'pending-apply') ?? unsealed[0];
  if (!entry) return { action: 'none' };
  const group = entry.state === 'pending-apply' ? [entry] : unsealed;
  const images = netImages(group);
  removeTempFiles(
    root,
    images.map((i) => i.path),
  );
  if (entry.state === 'pending-apply' && mismatching(root, images, 'after').length === 0) {
    journal.seal(entry.stepId);
    return { action: 'rolled-forward', stepId: entry.stepId };
  }
  writeImages(journal, images, 'before', defaultWriteFile);
  const wrong = mismatching(root, images, 'before');
  if (wrong.length)
    throw new MigrateError('JOURNAL-004', `recover could not restore: ${wrong.join(', ')}`, {
      hint: 'check permissions and free space, then run migrate recover again',
    });
  journal.drop(group.map((e) => e.stepId).reverse(), 'recovered');
  return { action: entry.state === 'pending-revert' ? 'revert-completed' : 'rolled-back', stepId: entry.stepId };
}
