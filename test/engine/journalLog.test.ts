// The journal as an append-only log (.migrate/journal.jsonl): the cached state equals a fresh
// replay after any apply/revert sequence; a record cut short at the end (a crash mid-append) is
// ignored and recovered from, corruption anywhere else is JOURNAL-001 with the line; the log is
// compacted when dropped records dominate and removed when empty.
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeProject, treeState } from '../fixtures/engine/fixtureProject.ts';
import { stepIdOf, synthetic } from './helpers/syntheticJournal.ts';
import { applyStep, planStatus, recover, revertStep, rollback } from '../../src/engine/engine.ts';
import { revertEntry } from '../../src/engine/changeset.ts';
import { JournalLog, journalPath, readJournal, type Journal } from '../../src/engine/journal.ts';

const opts = {};

/** The journal replayed from the disk (a new JournalLog keeps nothing). */
const fresh = (root: string): Journal => readJournal(root);

const logText = (root: string): string => readFileSync(journalPath(root), 'utf8');
const records = (root: string): { op: string; stepId?: string; entry?: { stepId: string } }[] =>
  logText(root)
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const states = (j: Journal): string[][] => j.entries.map((e) => [e.stepId, e.state]);

/** The log with its last record replaced by the first `keep` bytes of it (a crash mid-append). */
function cutLastRecord(root: string, keep: number): void {
  const text = logText(root);
  const start = text.lastIndexOf('\n', text.length - 2) + 1;
  writeFileSync(journalPath(root), text.slice(0, start) + text.slice(start, start + keep));
}

describe('journal log: replay', () => {
  it('the cached journal equals a fresh replay after every apply / revert / re-apply', async () => {
    const p = makeProject('log-replay');
    const ops: [string, () => Promise<unknown>][] = [
      ['apply s1', () => applyStep(p, 's1-append', opts)],
      ['apply s2', () => applyStep(p, 's2-nofinal', opts)],
      ['apply s3', () => applyStep(p, 's3-restructure', opts)],
      ['revert s3', () => revertStep(p, 's3-restructure')],
      ['re-apply s3', () => applyStep(p, 's3-restructure', opts)],
      ['revert s2', () => revertStep(p, 's2-nofinal')],
      ['re-apply s2', () => applyStep(p, 's2-nofinal', opts)],
    ];
    for (const [what, op] of ops) {
      await op();
      const cached = readJournal(p.root);
      expect(fresh(p.root), what).toEqual(cached);
    }
    expect(states(readJournal(p.root))).toEqual([
      ['s1-append', 'applied'],
      ['s3-restructure', 'applied'],
      ['s2-nofinal', 'applied'],
    ]);
    // One record per transition, in order.
    expect(records(p.root).map((r) => `${r.op} ${r.stepId ?? r.entry?.stepId}`)).toEqual([
      'entry s1-append',
      'sealed s1-append',
      'entry s2-nofinal',
      'sealed s2-nofinal',
      'entry s3-restructure',
      'sealed s3-restructure',
      'begin-revert s3-restructure',
      'dropped s3-restructure',
      'entry s3-restructure',
      'sealed s3-restructure',
      'begin-revert s2-nofinal',
      'dropped s2-nofinal',
      'entry s2-nofinal',
      'sealed s2-nofinal',
    ]);
    // Entries handed out are frozen: they are shared with the cache.
    expect(() => Object.assign(readJournal(p.root).entries[0]!, { state: 'pending-apply' })).toThrow(TypeError);
    expect((await rollback(p)).identical).toBe(true);
    expect(existsSync(journalPath(p.root))).toBe(false);
    expect(fresh(p.root).entries).toEqual([]);
  });

  it('compacts when dropped records dominate, and removes the log when the last entry goes', () => {
    // 120 entries of ~1 KB (a long title keeps the file writes, and the test, short)
    const { root, log, apply } = synthetic(120, 1, 'x'.repeat(700));
    for (let i = 0; i < 120; i++) apply(i);
    const full = statSync(journalPath(root)).size;
    expect(full).toBeGreaterThan(64 * 1024);
    for (let i = 119; i >= 20; i--) revertEntry(log, stepIdOf(i));
    const cached = log.read();
    expect(cached.entries.map((e) => e.stepId)).toEqual(Array.from({ length: 20 }, (_, i) => stepIdOf(i)));
    expect(fresh(root)).toEqual(cached);
    // compacted: far below the 120 entries + 200 revert records appended so far
    expect(statSync(journalPath(root)).size).toBeLessThan(full / 2);
    expect(records(root)[0]).toMatchObject({ op: 'entry', entry: { stepId: 'step-0000' } });
    for (let i = 19; i >= 0; i--) revertEntry(log, stepIdOf(i));
    expect(existsSync(journalPath(root))).toBe(false);
    expect(fresh(root).entries).toEqual([]);
    rmSync(root, { recursive: true, force: true });
  });
});

describe("journal log: a session's kept replay", () => {
  it('sees a change made by someone else: a same-size rewrite, an append', async () => {
    const p = makeProject('cache');
    await applyStep(p, 's1-append', opts);
    const log = new JournalLog(p.root);
    const sealedAt = log.read().entries[0]!.sealedAt!;
    // same size and inode (only the ctime, and on a coarse clock not even the mtime, tells it
    // apart: then the cache compares the last bytes)
    const other = sealedAt.replace(/\d(?=\dZ$)/, (d) => String((Number(d) + 1) % 10));
    writeFileSync(journalPath(p.root), logText(p.root).replace(sealedAt, other));
    expect(log.read().entries[0]!.sealedAt).toBe(other);
    appendFileSync(journalPath(p.root), `${JSON.stringify({ v: 1, op: 'begin-revert', stepId: 's1-append', at: other })}\n`);
    expect(states(log.read())).toEqual([['s1-append', 'pending-revert']]);
    expect(fresh(p.root)).toEqual(log.read());
  });
});

describe('journal log: a record cut short at the end (crash mid-append)', () => {
  it("a cut 'entry' record: the step was never begun; the next apply truncates the cut bytes", async () => {
    const p = makeProject('torn-entry');
    await applyStep(p, 's1-append', opts);
    const before = fresh(p.root);
    const tree = treeState(p.root);
    const record = `${JSON.stringify({ v: 1, op: 'entry', entry: { ...before.entries[0]!, stepId: 's2-nofinal', state: 'pending-apply' } })}\n`;
    for (const keep of [1, 12, 40, record.length - 1]) {
      writeFileSync(journalPath(p.root), logText(p.root).split('\n').slice(0, 2).join('\n') + '\n' + record.slice(0, keep));
      expect(fresh(p.root), `${keep} bytes kept`).toEqual(before);
    }
    expect((await planStatus(p)).interrupted).toBeUndefined();
    expect(treeState(p.root)).toEqual(tree);
    await applyStep(p, 's2-nofinal', opts);
    expect(logText(p.root)).not.toContain(record.slice(0, record.length - 1));
    expect(records(p.root).map((r) => r.op)).toEqual(['entry', 'sealed', 'entry', 'sealed']);
    expect(states(fresh(p.root))).toEqual([
      ['s1-append', 'applied'],
      ['s2-nofinal', 'applied'],
    ]);
  });

  it("a cut 'sealed' record: the entry stays pending-apply and recover rolls forward", async () => {
    const p = makeProject('torn-sealed');
    await applyStep(p, 's3-restructure', opts);
    const after = treeState(p.root);
    cutLastRecord(p.root, 20);
    expect(states(fresh(p.root))).toEqual([['s3-restructure', 'pending-apply']]);
    await expect(applyStep(p, 's1-append', opts)).rejects.toMatchObject({ code: 'JOURNAL-003' });
    expect(await recover(p)).toEqual({ action: 'rolled-forward', stepId: 's3-restructure' });
    expect(treeState(p.root)).toEqual(after);
    expect(states(fresh(p.root))).toEqual([['s3-restructure', 'applied']]);
  });

  it("a cut 'dropped' record: the entry stays pending-revert and recover completes the revert", async () => {
    const p = makeProject('torn-dropped');
    await applyStep(p, 's1-append', opts);
    const afterS1 = treeState(p.root);
    await applyStep(p, 's3-restructure', opts);
    await revertStep(p, 's3-restructure');
    expect(records(p.root).at(-1)).toMatchObject({ op: 'dropped', stepId: 's3-restructure' });
    cutLastRecord(p.root, 30);
    expect(states(fresh(p.root))).toEqual([
      ['s1-append', 'applied'],
      ['s3-restructure', 'pending-revert'],
    ]);
    expect(await recover(p)).toEqual({ action: 'revert-completed', stepId: 's3-restructure' });
    expect(treeState(p.root)).toEqual(afterS1);
    expect(states(fresh(p.root))).toEqual([['s1-append', 'applied']]);
  });

  it('NUL bytes at the end (unwritten data after a power loss) are a cut record too', async () => {
    const p = makeProject('torn-nul');
    await applyStep(p, 's1-append', opts);
    const before = fresh(p.root);
    appendFileSync(journalPath(p.root), Buffer.alloc(64));
    expect(fresh(p.root)).toEqual(before);
  });
});

describe('journal log: corruption is JOURNAL-001 with the line', () => {
  it('a record in the middle that is not JSON, not a record, or not a possible transition', async () => {
    const p = makeProject('corrupt-middle');
    await applyStep(p, 's1-append', opts);
    await applyStep(p, 's2-nofinal', opts);
    const lines = logText(p.root).split('\n');
    const file = journalPath(p.root);
    const withLine2 = (l: string): void => writeFileSync(file, [lines[0], l, ...lines.slice(2)].join('\n'));
    withLine2('{"v":1,"op":"sealed","stepId":"s1-app');
    await expect(planStatus(p)).rejects.toMatchObject({ code: 'JOURNAL-001', message: expect.stringContaining('not JSON'), location: { file, line: 2 } });
    withLine2('{"v":1,"op":"sealed","stepId":"s1-append"}');
    await expect(planStatus(p)).rejects.toMatchObject({ code: 'JOURNAL-001', message: expect.stringContaining('at:'), location: { file, line: 2 } });
    withLine2('{"v":1,"op":"sealed","stepId":"nope","at":"2026-01-01T00:00:00.000Z"}');
    await expect(planStatus(p)).rejects.toMatchObject({
      code: 'JOURNAL-001',
      message: expect.stringContaining("'nope', which is not in the journal"),
      location: { line: 2 },
    });
    withLine2('');
    await expect(planStatus(p)).rejects.toMatchObject({ code: 'JOURNAL-001', location: { line: 2 } });
    // a complete last line (it has its newline) that does not parse is not a cut record
    writeFileSync(file, `${lines.slice(0, 4).join('\n')}\n{"v":1,"op":"sea\n`);
    await expect(planStatus(p)).rejects.toMatchObject({ code: 'JOURNAL-001', location: { line: 5 } });
    // nor is an unfinished last line that is not the start of a record
    writeFileSync(file, `${lines.slice(0, 4).join('\n')}\nhello`);
    await expect(planStatus(p)).rejects.toMatchObject({ code: 'JOURNAL-001', location: { line: 5 } });
    // nothing was written meanwhile
    expect(readFileSync(file, 'utf8')).toBe(`${lines.slice(0, 4).join('\n')}\nhello`);
  });
});
