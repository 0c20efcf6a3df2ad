// Ctrl-C during apply (a child process killed by SIGINT mid-write), then recover: every file is
// back to before the step (or sealed after it when all post-images were in place).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, TOOLKIT, treeState } from '../fixtures/engine/fixtureProject.ts';
import { applyStep, planStatus, recover } from '../../src/engine/engine.ts';
import { JournalLog, readJournal } from '../../src/engine/journal.ts';

const child = path.join(TOOLKIT, 'test/engine/helpers/interruptedApply.mts');

describe('interrupted apply', () => {
  it('SIGINT mid-write leaves an unsealed entry; recover rolls every file back', async () => {
    const p = makeProject('sigint');
    const before = treeState(p.root);
    const r = spawnSync(process.execPath, ['--import', 'tsx', child, p.root, 's3-restructure', '3'], { cwd: TOOLKIT, encoding: 'utf8' });
    expect(r.signal).toBe('SIGINT');
    expect(r.stdout).not.toContain('not interrupted');
    expect(readJournal(p.root).entries.map((e) => e.state)).toEqual(['pending-apply']);
    expect(treeState(p.root)).not.toEqual(before);
    expect((await planStatus(p)).interrupted).toBe('s3-restructure');
    await expect(applyStep(p, 's1-append', {})).rejects.toMatchObject({ code: 'JOURNAL-003' });
    expect(await recover(p)).toEqual({ action: 'rolled-back', stepId: 's3-restructure' });
    expect(treeState(p.root)).toEqual(before);
    expect(readJournal(p.root).entries).toEqual([]);
    expect(
      readdirSync(p.root, { recursive: true })
        .map(String)
        .filter((f) => f.includes('migrate-tmp')),
    ).toEqual([]);
    expect(await recover(p)).toEqual({ action: 'none' });
  });

  it('recover seals an entry whose post-images are all in place (roll forward)', async () => {
    const p = makeProject('forward');
    await applyStep(p, 's3-restructure', {});
    const after = treeState(p.root);
    const [entry] = readJournal(p.root).entries;
    new JournalLog(p.root).write({ entries: [{ ...entry!, state: 'pending-apply' }] });
    expect(await recover(p)).toEqual({ action: 'rolled-forward', stepId: 's3-restructure' });
    expect(treeState(p.root)).toEqual(after);
    expect(readJournal(p.root).entries[0]!.state).toBe('applied');
  });
});
