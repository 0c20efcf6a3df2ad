// Reverting several steps at once (rollback, revert --to): each file is written once, at the
// pre-image of the oldest step, and an interruption anywhere leaves a journal that recover
// completes: a crash that kept only part of the 'begin-revert' records (the newest k), a write
// that failed half way, and files edited since the apply (refused before anything is written).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/loadProject.ts';
import { applyStep, rollback } from '../../src/engine/engine.ts';
import { netImages, recoverJournal, revertEntries } from '../../src/engine/changeset.ts';
import { JournalLog, readJournal } from '../../src/engine/journal.ts';
import { defaultWriteFile } from '../../src/engine/fileOps.ts';
import { freshDir, treeHash, writeFixture } from '../reliability/fixtureProject.ts';

const opts = {};

/** A project with three applied steps that all rewrite the entries; tree hashes after 0..3 steps. */
async function threeSteps(name: string): Promise<{ root: string; ids: string[]; states: string[] }> {
  const root = freshDir(name);
  const { stepIds } = writeFixture(root, { modules: 9, processes: 2, steps: 3 });
  const project = loadProject({ project: root, cwd: root });
  const states = [treeHash(root)];
  for (const id of stepIds) {
    await applyStep(project, id, opts);
    states.push(treeHash(root));
  }
  return { root, ids: stepIds, states };
}

describe('reverting several steps together', () => {
  it('writes each file once, at the oldest pre-image, and gives back the original tree', async () => {
    const { root, ids, states } = await threeSteps('batch-revert');
    const entries = readJournal(root).entries;
    const perStep = entries.reduce((n, e) => n + e.changes.length + e.changes.filter((c) => c.kind === 'move').length, 0);
    const net = netImages(entries);
    expect(net.length).toBeLessThan(perStep); // the entries share files
    let writes = 0;
    revertEntries(new JournalLog(root), [...ids].reverse(), (file, data) => {
      writes++;
      defaultWriteFile(file, data);
    });
    expect(treeHash(root)).toBe(states[0]);
    expect(readJournal(root).entries).toEqual([]);
    expect(writes).toBeLessThanOrEqual(net.filter((i) => i.before !== null).length);
  });

  it('recover completes a revert whose journal kept only the newest k begin-revert records', async () => {
    for (const k of [1, 2]) {
      const { root, ids, states } = await threeSteps(`batch-torn-${k}`);
      // the crash came right after the journal write, which kept only its first k records
      new JournalLog(root).beginRevert([...ids].reverse().slice(0, k));
      expect(recoverJournal(new JournalLog(root)).action).toBe('revert-completed');
      expect(treeHash(root)).toBe(states[3 - k]);
      expect(readJournal(root).entries.map((e) => e.stepId)).toEqual(ids.slice(0, 3 - k));
      await rollback(loadProject({ project: root, cwd: root }));
      expect(treeHash(root)).toBe(states[0]);
    }
  });

  it('recover completes a revert that stopped half way through its writes', async () => {
    const { root, ids, states } = await threeSteps('batch-half');
    let writes = 0;
    expect(() =>
      revertEntries(new JournalLog(root), [...ids].reverse(), (file, data) => {
        if (++writes > 3) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        defaultWriteFile(file, data);
      }),
    ).toThrow(/disk full/);
    expect(readJournal(root).entries.every((e) => e.state === 'pending-revert')).toBe(true);
    expect(treeHash(root)).not.toBe(states[0]);
    expect(recoverJournal(new JournalLog(root)).action).toBe('revert-completed');
    expect(treeHash(root)).toBe(states[0]);
  });

  it('refuses, writing nothing, when a file was edited since the apply', async () => {
    const { root, ids, states } = await threeSteps('batch-edited');
    const entry = path.join(root, 'ao-processes/proc0/main.lua');
    writeFileSync(entry, `${readFileSync(entry, 'utf8')}-- edited\n`);
    const edited = treeHash(root);
    expect(() => revertEntries(new JournalLog(root), [...ids].reverse())).toThrow(/APPLY-051|files changed since/);
    expect(treeHash(root)).toBe(edited);
    expect(readJournal(root).entries.every((e) => e.state === 'applied')).toBe(true);
    expect(states).toHaveLength(4);
  });
});
