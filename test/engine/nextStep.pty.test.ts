// `migrate next-step` driven through a pseudo-terminal with one-key actions: diff, apply, back,
// skip, apply, quit; Ctrl-C; apply the rest up to a decision, its options' size impact, the
// variants' diff in the in-process pager, choose, back; a long diff through less.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePlan, makeProject, TOOLKIT, treeState } from '../fixtures/engine/fixtureProject.ts';
import { readJournal } from '../../src/engine/journal.ts';

const CTRL_C = '\x03';

type Steps = [string, string[]][];

function drive(root: string, steps: Steps, extra: { rows?: number; env?: Record<string, string> } = {}): string {
  const spec = {
    cmd: [process.execPath, path.join(TOOLKIT, 'test/engine/helpers/migrateWithTestTransforms.mjs'), 'next-step', '--project', root],
    cwd: root,
    steps,
    rows: extra.rows,
    env: { EDITOR: '', VISUAL: '', PAGER: '', MIGRATE_PAGER: '', ...extra.env },
  };
  const specFile = path.join(root, '..', `${path.basename(root)}.pty.json`);
  writeFileSync(specFile, JSON.stringify(spec));
  const r = spawnSync('python3', [path.join(TOOLKIT, 'test/engine/helpers/pty_drive.py'), specFile], { encoding: 'utf8', timeout: 60_000 });
  return r.stdout;
}

const journalIds = (root: string): string[] => readJournal(root).entries.map((e) => e.stepId);

const variantDiff = Array.from({ length: 30 }, (_, i) => `-old line ${i}\n+new line ${i}`).join('\n');
const decision = {
  id: 'd1',
  story: '36.1',
  title: 'Decide d1',
  transform: 'decision',
  params: {},
  dependsOn: [],
  reads: [],
  sizeImpact: [],
  decision: {
    question: 'Merge the copies?',
    transform: 'test/append-line',
    diff: variantDiff,
    options: [
      { id: 'yes', label: 'Use main.lua for everyone', params: { file: 'src/p/main.lua', line: '-- merged' } },
      { id: 'keep-apart', label: 'Keep apart' },
    ],
  },
};

describe('migrate next-step (pty)', () => {
  it('d diff, y apply, b back, n skip, y apply, q quit with a resume hint', () => {
    const p = makeProject('pty');
    const before = treeState(p.root);
    const out = drive(p.root, [
      ['s1-append:', ['d']],
      ['+-- appended', ['y']],
      ['applied s1-append', ['b']],
      ['undone s1-append', []],
      ['s1-append:', ['n']],
      ['skipped s1-append', []],
      ['s2-nofinal:', ['y']],
      ['applied s2-nofinal', []],
      ['s3-restructure:', ['q']],
    ]);
    expect(out).toMatch(/EXIT 0\s*$/);
    expect(out).toContain('36.1  s1-append');
    expect(out).toContain('size impact: p 100 B -> 90 B (-10.0%)');
    expect(out).toContain('y apply  n skip  d diff  a apply rest  b back  e edit  q quit');
    expect(out).toMatch(/stopped: nothing is half-done\. 1 skipped, 1 applied, 1 pending\. Resume with: migrate next-step/);
    expect(journalIds(p.root)).toEqual(['s2-nofinal']);
    const plan = JSON.parse(readFileSync(path.join(p.root, 'migration-plans/epic.plan.json'), 'utf8'));
    expect(plan.steps[0].skip).toBe(true);
    const now = treeState(p.root);
    expect(now['src/lib/util.lua']).toBe(before['src/lib/util.lua']);
    expect(now['src/lib/nofinal.lua']).not.toBe(before['src/lib/nofinal.lua']);
  }, 60_000);

  it('e edits params one by one; Ctrl-C (here inside a prompt) stops cleanly: no stack trace, state kept, exit 130 with the resume hint', () => {
    const p = makeProject('pty-int');
    const out = drive(p.root, [
      ['s1-append:', ['e']],
      ['file:', ['\r']],
      ['line:', ['\x15', '"-- edited"', '\r']], // ^U clears the default
      ['params of s1-append saved', []],
      ['s1-append:', ['y']],
      ['applied s1-append', []],
      ['s2-nofinal:', ['e']],
      ['file:', [CTRL_C]],
    ]);
    expect(out).toMatch(/EXIT 130\s*$/);
    expect(out).toContain('interrupted: nothing is half-done. 1 applied, 2 pending. Resume with: migrate next-step');
    expect(out).not.toContain('INTERNAL');
    expect(out).not.toContain('ExitPromptError');
    expect(journalIds(p.root)).toEqual(['s1-append']);
    expect(readFileSync(path.join(p.root, 'src/lib/util.lua'), 'utf8')).toContain('-- edited');
  }, 60_000);

  it('a applies the rest up to a decision; its options show their size impact; v pages the variants diff; 1 chooses; b goes back', () => {
    const p = makeProject('pty-dec', fixturePlan([decision]));
    const out = drive(
      p.root,
      [
        ['s1-append:', ['a']],
        ['stopped at d1: a decision to take', []],
        ['d1:', ['v']],
        ['lines: space next page', [' ']],
        ['lines: space next page', ['q']],
        ['d1:', ['1']],
        ['decided d1: Use main.lua for everyone', []],
        ['d1:', ['b']],
        ['undone s3-restructure', []],
        ['s3-restructure:', ['q']],
      ],
      { rows: 12, env: { MIGRATE_PAGER: 'internal' } },
    );
    expect(out).toMatch(/EXIT 0\s*$/);
    expect(out).toContain('applied s1-append');
    expect(out).toContain('applied s3-restructure');
    expect(out).toMatch(/1 Use main\.lua for everyone\s+1 file\(s\), 45 B -> 55 B \(\+10 B, \+22\.2%\)/);
    expect(out).toMatch(/2 Keep apart\s+no change/);
    expect(out).toContain('-- 11/60 lines: space next page, q stop --');
    expect(out).toContain('-- 22/60 lines');
    expect(out).not.toContain('-- 33/60 lines');
    expect(journalIds(p.root)).toEqual(['s1-append', 's2-nofinal']);
    const plan = JSON.parse(readFileSync(path.join(p.root, 'migration-plans/epic.plan.json'), 'utf8'));
    expect(plan.steps[3].decision.choice).toBe('yes');
  }, 60_000);

  it('a diff longer than the screen goes through less -R', () => {
    const p = makeProject('pty-less');
    const out = drive(
      p.root,
      [
        ['s1-append:', ['n']],
        ['s2-nofinal:', ['n']],
        ['s3-restructure:', ['d']],
        ['+++ b/src/lib/bom.lua', ['q']],
        ['s3-restructure:', ['q']],
      ],
      { rows: 8 },
    );
    expect(out).toMatch(/EXIT 0\s*$/);
    expect(out).not.toContain('lines: space next page');
  }, 60_000);
});
