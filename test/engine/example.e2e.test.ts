// The "done when" run on a copy of the embedded example (ENGINE_EXAMPLE=1, 13-30 s;
// test/codemods/exampleEngine.test.ts covers the API path by default): plan,
// dry-run --all with a patch that `git apply --check` accepts, apply every step, rollback --yes
// returns every file byte-identical (hash of the tree before and after).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOLKIT, treeState } from '../fixtures/engine/fixtureProject.ts';
import { runCli } from '../helpers/runCli.ts';

describe.runIf(process.env.ENGINE_EXAMPLE === '1')('the example, every step applied then rolled back', () => {
  it('plan, dry-run --all --patch, apply --all, rollback --yes: byte-identical', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'engine-example-'));
    cpSync(path.join(TOOLKIT, 'examples/pokerogue-ao'), dir, { recursive: true, filter: (src) => !/[\\/](node_modules|\.migrate|build)$/.test(src) });
    const at = ['--project', dir];
    const skip = ['.migrate', '.git', 'migration-plans', 'build', 'node_modules'];
    const before = treeState(dir, skip);
    expect([0, 1]).toContain((await runCli(['plan', ...at], dir)).code);
    const planFile = path.join(dir, 'migration-plans/epic.plan.json');
    const plan = JSON.parse(readFileSync(planFile, 'utf8'));
    for (const s of plan.steps)
      if (s.transform === 'decision') s.decision.choice = (s.decision.options.find((o: { params?: unknown }) => !o.params) ?? s.decision.options[0]).id;
    writeFileSync(planFile, JSON.stringify(plan, null, 2));
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const patch = path.join(dir, '..', `${path.basename(dir)}.patch`);
    expect((await runCli(['dry-run', '--all', '--patch', patch, ...at], dir)).code).toBe(1);
    execFileSync('git', ['apply', '--check', patch], { cwd: dir });
    const applied = await runCli(['apply', '--all', ...at], dir);
    expect(applied.err).toBe('');
    expect(applied.code).toBe(0);
    expect(treeState(dir, skip)).not.toEqual(before);
    const rb = await runCli(['rollback', '--yes', ...at], dir);
    expect(rb.out).toContain('byte-identical');
    expect(rb.code).toBe(0);
    expect(treeState(dir, skip)).toEqual(before);
    rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
