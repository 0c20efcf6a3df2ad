// The journal's cost per state transition does not grow with the number of entries: the bytes
// written to (and read from) .migrate/journal.jsonl* for step 40 are those of step 1, and a
// revert writes as much with 40 entries as with 20. node:fs is wrapped to count them (this
// file only); the journal reads its own appends from the session's JournalLog, not the disk.
import { rmSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { revertEntry } from '../../src/engine/changeset.ts';
import { stepIdOf, synthetic } from './helpers/syntheticJournal.ts';

const io = vi.hoisted(() => ({ journalFds: new Set<number>(), written: 0, read: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const isJournal = (p: unknown): boolean => typeof p === 'string' && /[\\/]journal\.jsonl/.test(p);
  type Fn = (...args: unknown[]) => number;
  const call = (f: unknown, args: unknown[]): number => (f as Fn)(...args);
  return {
    ...fs,
    openSync: (...args: unknown[]): number => {
      const fd = call(fs.openSync, args);
      if (isJournal(args[0])) io.journalFds.add(fd);
      else io.journalFds.delete(fd);
      return fd;
    },
    writeSync: (...args: unknown[]): number => {
      const n = call(fs.writeSync, args);
      if (io.journalFds.has(args[0] as number)) io.written += n;
      return n;
    },
    readSync: (...args: unknown[]): number => {
      const n = call(fs.readSync, args);
      if (io.journalFds.has(args[0] as number)) io.read += n;
      return n;
    },
    readFileSync: (...args: unknown[]) => {
      const out = (fs.readFileSync as (...a: unknown[]) => Buffer | string)(...args);
      if (isJournal(args[0])) io.read += out.length;
      return out;
    },
  };
});

/** Journal bytes written and read while `fn` runs. */
function measure(fn: () => void): { written: number; read: number } {
  const w = io.written;
  const r = io.read;
  fn();
  return { written: io.written - w, read: io.read - r };
}

describe('journal cost per step', () => {
  it('step 40 writes and reads as many journal bytes as step 1; a revert as many with 40 entries as with 20', () => {
    const n = 40;
    const { root, log, apply } = synthetic(n, 5);
    const steps = Array.from({ length: n }, (_, i) =>
      measure(() => {
        log.read(); // as the engine does before every step
        apply(i);
      }),
    );
    const entryBytes = JSON.stringify(log.read().entries[0]).length;
    // Step 1 creates the log (its entry record) and appends 'sealed'; step 40 appends the same two records.
    expect(steps[0]!.written).toBeGreaterThan(entryBytes);
    expect(steps[n - 1]!.written).toBe(steps[0]!.written);
    expect(steps[n - 1]!.written).toBeLessThan(2 * entryBytes);
    // Nothing is re-read but, for a log changed within the last second, its last 256 bytes
    // (a check that the cached replay is still the file's content).
    for (const s of steps) expect(s.read).toBeLessThanOrEqual(4 * 256);
    const reverts = Array.from({ length: n - 1 }, (_, k) => measure(() => revertEntry(log, stepIdOf(n - 1 - k))));
    // 'begin-revert' + 'dropped': the same bytes for the revert with 40 entries and with 20
    expect(reverts[0]!.written).toBeGreaterThan(0);
    expect(reverts[20]!.written).toBe(reverts[0]!.written);
    expect(reverts[0]!.written).toBeLessThan(400);
    rmSync(root, { recursive: true, force: true });
  });
});
