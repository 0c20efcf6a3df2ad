// Apply / revert / rollback on the fixture project (BOM, CRLF, no final newline, Latin-1,
// binary, modes, created / deleted / moved files): every file comes back byte-identical.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILES, makeProject, treeState } from '../fixtures/engine/fixtureProject.ts';
import { applyAll, applyStep, dryRun, planStatus, revertStep, revertTo, rollback } from '../../src/engine/engine.ts';
import { readJournal } from '../../src/engine/journal.ts';

const opts = {};

describe('apply and exact revert', () => {
  it('applies every kind of change and journals pre/post hashes and modes', async () => {
    const p = makeProject('apply');
    await applyAll(p, opts);
    const f = (rel: string) => readFileSync(path.join(p.root, rel));
    expect(f('src/lib/util.lua').toString()).toBe('local M = {}\r\nfunction M.f() return 1 end\r\nreturn M\r\n-- appended\r\n');
    expect(f('src/lib/nofinal.lua').toString()).toBe('return 42\n-- tail\n');
    expect(f('src/lib/bom.lua').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(f('src/lib/latin1.lua')).toEqual(Buffer.from('-- CAF\u00c9 cr\u00e8me\nreturn 1\n', 'latin1'));
    expect(f('src/runtime/mv.lua').toString()).toBe('return "moving"\n-- moved\n');
    expect(() => statSync(path.join(p.root, 'src/lib/old.lua'))).toThrow();
    expect(statSync(path.join(p.root, 'tools/run.sh')).mode & 0o777).toBe(0o644);
    const j = readJournal(p.root);
    expect(j.entries.map((e) => [e.stepId, e.state])).toEqual([
      ['s1-append', 'applied'],
      ['s2-nofinal', 'applied'],
      ['s3-restructure', 'applied'],
    ]);
    const chmod = j.entries[2]!.changes.find((c) => c.path === 'tools/run.sh');
    expect(chmod).toMatchObject({ kind: 'update', beforeMode: 0o755, afterMode: 0o644 });
    expect((await planStatus(p)).steps.every((s) => s.state === 'applied')).toBe(true);
  });

  it('revert of each step, newest first, restores every byte and mode', async () => {
    const p = makeProject('revert');
    const states = [treeState(p.root)];
    for (const id of ['s1-append', 's2-nofinal', 's3-restructure']) {
      await applyStep(p, id, opts);
      states.push(treeState(p.root));
    }
    expect(new Set(states.map((s) => JSON.stringify(s))).size).toBe(4);
    for (const id of ['s3-restructure', 's2-nofinal', 's1-append']) {
      await revertStep(p, id);
      states.pop();
      expect(treeState(p.root)).toEqual(states[states.length - 1]);
    }
    expect(readJournal(p.root).entries).toEqual([]);
  });

  it('revert --to keeps the named step; rollback proves identity with the baseline', async () => {
    const p = makeProject('rollback');
    const before = treeState(p.root);
    await applyAll(p, opts);
    expect((await revertTo(p, 's1-append')).reverted).toEqual(['s3-restructure', 's2-nofinal']);
    expect(readJournal(p.root).entries.map((e) => e.stepId)).toEqual(['s1-append']);
    await applyAll(p, opts);
    const r = await rollback(p);
    expect(r).toMatchObject({ identical: true, mismatches: [] });
    expect(treeState(p.root)).toEqual(before);
    expect(Object.keys(before)).toEqual(Object.keys(FILES).sort());
  });

  it('rollback reports files that differ from the baseline (exit-1 case)', async () => {
    const p = makeProject('rollback-diff');
    await applyStep(p, 's1-append', opts);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(p.root, 'src/extra.lua'), 'x');
    const r = await rollback(p);
    expect(r.identical).toBe(false);
    expect(r.mismatches).toEqual(['added: src/extra.lua']);
  });

  it('applying twice is refused and re-running a transform on its own output changes nothing', async () => {
    const p = makeProject('twice');
    await applyStep(p, 's3-restructure', opts);
    await expect(applyStep(p, 's3-restructure', opts)).rejects.toMatchObject({ code: 'APPLY-002' });
    const again = await dryRun(p, ['s3-restructure']);
    expect(again.steps[0]!.changes).toEqual([]);
  });

  it('a dry run of every step equals what apply then writes, and writes nothing itself', async () => {
    const p = makeProject('dryrun');
    const before = treeState(p.root);
    const d = await dryRun(p, 'all');
    expect(treeState(p.root)).toEqual(before);
    expect(d.steps.map((s) => s.changes.length)).toEqual([1, 1, 6]);
    expect(d.sizeImpact).toEqual([{ process: 'p', beforeBytes: 100, afterBytes: 80 }]);
    expect(d.diffText).toContain('rename src/lib/mv.lua -> src/runtime/mv.lua');
    expect(d.diffText).toContain('\\ No newline at end of file');
  });
});
