// Which journalled steps are still in the work tree. After `git reset --hard HEAD~3` or a
// checkout, the journal still lists steps whose changes are gone from the files: those are
// 'absent': none of its paths holds its post-image and at least one holds its pre-image (a
// file edited into a third state is not 'absent': revert names it, APPLY-051). Entries are
// looked at newest first: a path a newer present step also changed cannot hold the older
// step's post-image, so it says nothing about the older step (if all its paths are like that,
// the older step counts as present).
import { diskHolds } from './fileOps.ts';
import type { JournalEntry } from './journal.ts';
import { pathImages } from './journalImages.ts';

/** Step ids of sealed entries none of whose (telling) paths hold their post-image while some hold their pre-image. */
export function absentSteps(root: string, entries: readonly JournalEntry[]): Set<string> {
  const absent = new Set<string>();
  const coveredByNewer = new Set<string>();
  for (const e of [...entries].reverse()) {
    if (e.state !== 'applied') continue;
    const images = pathImages(e.changes).filter((i) => !coveredByNewer.has(i.path));
    const present = images.length === 0 || images.some((i) => diskHolds(root, i.path, i.after)) || !images.some((i) => diskHolds(root, i.path, i.before));
    if (!present) {
      absent.add(e.stepId);
      continue;
    }
    for (const i of pathImages(e.changes)) coveredByNewer.add(i.path);
  }
  return absent;
}
