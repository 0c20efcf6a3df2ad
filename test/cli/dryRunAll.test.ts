// dry-run --all shows every step it can: an undecided decision is listed (not a stop), a step
// that depends on one is listed as waiting for it, every other step is computed; the exit code
// says "would change" (1) only when something would, and no empty patch is written.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionStep, fixturePlan, makeProject } from '../fixtures/engine/fixtureProject.ts';
import { dryRunOutput } from '../../src/cli/jsonSchemas.ts';
import { runCli } from '../helpers/runCli.ts';

const decision = decisionStep('d1');
const append = (id: string, file: string, dependsOn: string[]) => ({
  id,
  story: '36.6',
  title: `Append ${id}`,
  transform: 'test/append-line',
  params: { file, line: `-- ${id}` },
  dependsOn,
  reads: [],
  sizeImpact: [],
});

describe('dry-run --all', () => {
  it('lists the undecided decision and the step waiting for it, and shows every other step', async () => {
    const p = makeProject('dry-all', fixturePlan([decision, append('s4-after-d1', 'src/p/main.lua', ['d1']), append('s5-free', 'src/lib/nofinal.lua', [])]));
    const at = ['--project', p.root];
    const j = await runCli(['dry-run', '--all', '--json', ...at], p.root);
    expect(j.code).toBe(1);
    const out = dryRunOutput.parse(JSON.parse(j.out));
    expect(out.steps.map((s) => `${s.id} ${s.state}${s.blockedBy ? ` ${s.blockedBy}` : ''}`)).toEqual([
      's1-append changes',
      's2-nofinal changes',
      's3-restructure changes',
      'd1 undecided',
      's4-after-d1 blocked d1',
      's5-free changes',
    ]);
    expect(out.undecided).toEqual(['d1']);
    expect(out.patch).toContain('+-- s5-free');

    const text = await runCli(['dry-run', '--all', '--summary', ...at], p.root);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/d1\s+undecided decision/);
    expect(text.out).toMatch(/s4-after-d1\s+waits for d1/);
    expect(text.out).toContain(
      "1 undecided decision(s): d1; the steps after them are shown as if kept apart. Decide with 'migrate decide <step> <option>' (or 'migrate decide --all keep-apart'",
    );
    expect(text.out).toMatch(/file change\(s\) in 4 step\(s\); 1 step\(s\) wait for a decision/);
  });

  it('exits 0 and writes no patch when only an undecided decision is left', async () => {
    const p = makeProject('dry-none', { version: 1, name: 'epic', createdAt: '2026-11-24T00:00:00.000Z', steps: [decision] });
    const patch = path.join(p.root, 'out.patch');
    const r = await runCli(['dry-run', '--all', '--patch', patch, '--project', p.root], p.root);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('nothing would change: no patch written');
    expect(existsSync(patch)).toBe(false);
  });
});
