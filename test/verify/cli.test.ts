import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, editFile } from './helpers/fixtureProject.ts';
import { runCli } from '../helpers/runCli.ts';

const run = (argv: string[], cwd: string) => runCli(argv, cwd, { env: {} });

describe('migrate verify / trace / bench-runtime', () => {
  it('verify exits 0 on an unchanged project (processes and world) and 1 with the difference in --json', async () => {
    const project = copyFixture('mini');
    const ok = await run(['verify', '--modes', 'monolith,federated', '--no-probes'], project.root);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('Parity: 26 messages verified in 4 run(s), no difference.');
    expect(ok.out).toMatch(/ok {3}world federated 4 player messages, 8 deliveries, 4 cross-process messages, 4 replies to players/);

    expect((await run(['verify', '--save-baseline'], project.root)).out).toMatch(/^baseline stored in .*\.migrate\/baseline/);
    expect((await run(['verify', '--save-baseline'], project.root)).out).toMatch(/a baseline already exists/);
    editFile(project, 'src/beta/main.lua', 'Data = "ok"', 'Data = "OK"');
    const bad = await run(['verify', '--process', 'beta', '--json', '--no-probes'], project.root);
    expect(bad.code).toBe(1);
    const json = JSON.parse(bad.out);
    expect(json.ok).toBe(false);
    expect(json.world).toBeNull();
    const d = json.parity.runs[0].firstDifference;
    expect([d.line, d.field, d.expected, d.actual]).toEqual([3, 'messages[0].Data', 'ok', 'OK']);
  });

  it('verify rejects an unknown mode with exit 2 and a code', async () => {
    const project = copyFixture('mini');
    const r = await run(['verify', '--modes', 'monolith,quantum'], project.root);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^CLI-010 unknown mode 'quantum'/);
  });

  it('trace record writes a trace with expect.error from the monolith; trace check reports a bad line', async () => {
    const project = copyFixture('mini');
    const r = await run(['trace', 'record', '--process', 'alpha', '--scenario', 'traces/alpha.jsonl', '--out', 'traces/rec.jsonl'], project.root);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/recorded 8 messages \(1 errored, 6 replies\) from the current monolith/);
    const lines = readFileSync(path.join(project.root, 'traces/rec.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.expect.error)).toEqual([false, false, false, false, false, true, false, false]);
    expect((await run(['trace', 'check', 'traces/rec.jsonl'], project.root)).out).toContain('ok traces/rec.jsonl: 8 messages');
    editFile(project, 'traces/beta.jsonl', '{"From": "PLAYER_B", "Tags": {"Action": "Draw"}}', '{"From": "PLAYER_B", "Tags": "Draw"}');
    const bad = await run(['trace', 'check', 'traces/beta.jsonl'], project.root);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^VERIFY-001 .*traces\/beta\.jsonl:4:1: invalid trace message: Tags/);
  });

  it('bench-runtime prints monolith and federated figures with ratios', async () => {
    const project = copyFixture('mini');
    const r = await run(['bench-runtime', '--messages', '200', '--players', '2', '--json'], project.root);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.processes.map((p: { process: string }) => p.process)).toEqual(['alpha', 'beta']);
    for (const p of report.processes) {
      // both sides count the same messages: all 200 but the pairs where either side paused (its slowest 1 %)
      expect(p.federated.messages).toBe(p.monolith.messages);
      expect(p.monolith.messages).toBeGreaterThanOrEqual(196);
      expect(p.monolith.p95).toBeGreaterThanOrEqual(p.monolith.p50);
      expect(p.ratios.perSecond).toBeCloseTo(p.federated.perSecond / p.monolith.perSecond, 6);
      expect(p.monolith.memoryAfterBootKiB).toBeGreaterThan(0);
    }
    expect(report.processes[0].monolith.errored).toBe(25);
    expect(report.world.map((w: { mode: string; playerMessages: number; deliveries: number }) => [w.mode, w.playerMessages, w.deliveries])).toEqual([
      ['monolith', 8, 16],
      ['federated', 8, 16],
    ]);
  });
});
