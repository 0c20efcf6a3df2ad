// `migrate next-step` driven through a pseudo-terminal: show diff, apply, undo, skip, apply, quit.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, TOOLKIT, treeState } from '../fixtures/engine/fixtureProject.ts';
import { readJournal } from '../../src/apply/journal.ts';

const DOWN = '\x1b[B';
const ENTER = '\r';

describe('migrate next-step (pty)', () => {
  it('show diff, apply, undo, skip, apply, quit', () => {
    const p = makeProject('pty');
    const before = treeState(p.root);
    const spec = {
      cmd: [process.execPath, path.join(TOOLKIT, 'bin/migrate.mjs'), 'next-step', '--project', p.root],
      cwd: p.root,
      steps: [
        ['s1-append: what now?', [DOWN, ENTER]], // show diff
        ['+-- appended', []],
        ['s1-append: what now?', [ENTER]], // apply
        ['keep it?', [DOWN, ENTER]], // undo
        ['undone s1-append', []],
        ['s1-append: what now?', [DOWN, DOWN, ENTER]], // skip
        ['skipped s1-append', []],
        ['s2-nofinal: what now?', [ENTER]], // apply
        ['applied s2-nofinal', []],
        ['keep it?', [DOWN, DOWN, ENTER]], // quit
      ],
    };
    const specFile = path.join(p.root, '..', `${path.basename(p.root)}.pty.json`);
    writeFileSync(specFile, JSON.stringify(spec));
    const r = spawnSync('python3', [path.join(TOOLKIT, 'test/engine/helpers/pty_drive.py'), specFile], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toMatch(/EXIT 0\s*$/);
    expect(r.stdout).toContain('36.1  s1-append');
    expect(r.stdout).toContain('size impact: p 100->90');
    expect(readJournal(p.root).entries.map((e) => e.stepId)).toEqual(['s2-nofinal']);
    const plan = JSON.parse(readFileSync(path.join(p.root, 'migration-plans/epic.plan.json'), 'utf8'));
    expect(plan.steps[0].skip).toBe(true);
    const now = treeState(p.root);
    expect(now['src/lib/util.lua']).toBe(before['src/lib/util.lua']);
    expect(now['src/lib/nofinal.lua']).not.toBe(before['src/lib/nofinal.lua']);
  }, 60_000);
});
