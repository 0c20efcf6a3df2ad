// The README's main job: `npm run demo` runs every stage on a scratch copy of the example.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/runCli.ts';
import { EXAMPLE_DIR } from '../src/config/loadProject.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'ao-federate-demo-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('migrate demo', () => {
  it('audits, plans, dry-runs, applies every step, verifies on aos and rolls back to the byte', async () => {
    const dir = path.join(scratch, 'pokerogue-ao');
    const r = await runCli(['demo', '--dir', dir, '--no-color'], scratch);
    const out = r.out + r.err;
    const code = r.code;
    expect(code, out.slice(-3000)).toBe(0);
    expect(out).toMatch(/plan epic: \d+ steps/);
    expect(out).toMatch(/Parity: \d+ messages verified in \d+ run\(s\), no difference/);
    expect(out).toContain('every file is byte-identical to the baseline taken before the first step');
    expect(out).toContain('rollback verified: bundles byte-identical, every trace answered as before');
    // One commit per applied step, each with its trailer, after the two set-up commits.
    const log = execFileSync('git', ['log', '--format=%B%x00'], { cwd: dir, encoding: 'utf8' });
    expect(log.match(/Migrate-Step: /g)?.length ?? 0).toBeGreaterThan(30);
    // The reviewed patch applies to the rolled-back tree, and the example itself was not touched.
    const patch = path.join(scratch, 'migration.patch');
    expect(existsSync(patch)).toBe(true);
    execFileSync('git', ['apply', '--check', patch], { cwd: dir });
    expect(execFileSync('git', ['status', '--porcelain', '--', '.'], { cwd: EXAMPLE_DIR, encoding: 'utf8' })).toBe('');
  }, 300_000);
});
