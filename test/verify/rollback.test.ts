import { readFileSync } from 'node:fs';
import path from 'node:path';
import { probeFile } from '../../src/verify/probes/probeFile.ts';
import { loadTrace } from '../../src/verify/trace.ts';
import { describe, expect, it } from 'vitest';
import { ensureBaseline } from '../../src/verify/baseline.ts';
import { verifyRollback } from '../../src/verify/rollback.ts';
import { verifyForStep } from '../../src/verify/stepVerification.ts';
import { copyFixture, editFile } from './helpers/fixtureProject.ts';

describe('rollback proof and step verification', () => {
  it('proves a rollback that restored the sources, and refuses one that did not', async () => {
    const project = copyFixture('mini');
    const { dir } = await ensureBaseline(project);
    const index = JSON.parse(readFileSync(path.join(dir, 'baseline.json'), 'utf8'));
    expect(index.files.map((f: { process: string }) => f.process)).toEqual(['alpha', 'beta']);
    editFile(project, 'src/shared/rng.lua', 'local state = 42', 'local state = 43');
    const broken = await verifyRollback(project);
    expect(broken.identical).toBe(false);
    expect(broken.report).toMatch(/DIFFERENT alpha/);
    expect(broken.report).toMatch(/DIFFERENT beta/);
    editFile(project, 'src/shared/rng.lua', 'local state = 43', 'local state = 42');
    const restored = await verifyRollback(project);
    expect(restored.identical).toBe(true);
    expect(restored.report).toMatch(/identical alpha/);
    expect(restored.report).toContain('Rollback verified');
  });

  it('verifyForStep passes on an unchanged project and fails with the difference after a change', async () => {
    const project = copyFixture('mini');
    await ensureBaseline(project);
    // the hand-written trace (5 messages) and beta's probes (written by this first verify)
    const clean = await verifyForStep(project, ['beta']);
    const probes = loadTrace(probeFile(project, 'beta')).messages.length;
    expect(probes).toBeGreaterThan(0);
    expect(clean).toEqual({ ok: true, summary: `verify ok: beta: 2 run(s), ${5 + probes} messages, modes monolith` });
    editFile(project, 'src/shared/rng.lua', '% n + 1', '% n + 2');
    const r = await verifyForStep(project, ['beta']);
    expect(r.ok).toBe(false);
    expect(r.summary).toContain('First difference: beta (monolith), traces/beta.jsonl:2 (message #2), field messages[0].Data');
  });

  it('verifyForStep skips processes without traces', async () => {
    const project = copyFixture('mini');
    project.config.processes.forEach((p) => (p.traces = []));
    expect(await verifyForStep(project, ['alpha'])).toEqual({ ok: true, summary: 'verify skipped: no traces configured for alpha' });
  });
});
