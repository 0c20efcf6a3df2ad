// The example (examples/pokerogue-ao) on the real bundler and the real aos: it passes against
// itself, a hand-migrated copy passes in all three modes against the baseline, and a constant
// changed in a runtime module afterwards is reported exactly.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DIR } from '../../src/config/loadProject.ts';
import { main } from '../../src/cli/main.ts';
import type { CommandIO } from '../../src/cli/command.ts';
import { ensureBaseline } from '../../src/verify/baseline.ts';
import { verifyParity } from '../../src/verify/parity.ts';
import { renderParityReport } from '../../src/verify/render.ts';
import { copyProject, editFile } from './helpers/fixtureProject.ts';
import { federateModule } from './helpers/handMigrate.ts';

async function run(argv: string[], cwd: string) {
  let out = '';
  let err = '';
  const io: CommandIO = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), color: false, isTTY: false, cwd, env: {} };
  return { code: await main(argv, io), out, err };
}

describe('the example on the real bundler and aos', () => {
  it('migrate verify on the un-migrated example passes against itself (every process and the world)', async () => {
    const project = copyProject(EXAMPLE_DIR, 'example');
    const r = await run(['verify', '--json'], project.root);
    expect(r.err).toBe('');
    const report = JSON.parse(r.out);
    // every process: its hand-written trace, then its probes
    const names = project.config.processes.map((p) => p.name);
    expect(report.parity.runs.map((x: { process: string; trace: string; ok: boolean }) => [x.process, x.trace, x.ok])).toEqual(
      names.flatMap((p) => [
        [p, `traces/${p}.jsonl`, true],
        [p, `traces/probes/${p}.jsonl`, true],
      ]),
    );
    expect(report.parity.baseline).toBe('current');
    expect(report.parity.messagesVerified).toBeGreaterThanOrEqual(200);
    expect(report.parity.notes.filter((n: string) => n.includes('expect.error'))).toEqual([]);
    expect(report.world.runs[0].crossings).toBeGreaterThan(0);
    expect([r.code, report.ok]).toEqual([0, true]);
  }, 400_000); // six processes, their traces and their probes (several hundred messages each), the world

  it('a hand-migrated copy passes in all three modes; a changed runtime constant is reported exactly', async () => {
    const project = copyProject(EXAMPLE_DIR, 'example-migrated');
    expect((await ensureBaseline(project)).created).toBe(true);
    const moved = federateModule(project, 'data.constants.game-constants');
    expect(moved.sites).toBeGreaterThan(5);
    const clean = await verifyParity(project, { processes: ['economy'] });
    expect(clean.modes).toEqual(['monolith', 'hybrid', 'federated']);
    const modes = ['monolith', 'hybrid', 'federated'];
    expect(clean.runs.map((x) => [x.trace, x.mode, x.ok])).toEqual(
      ['traces/economy.jsonl', 'traces/probes/economy.jsonl'].flatMap((t) => modes.map((m) => [t, m, true])),
    );

    const money = Number(/GameConstants\.START_MONEY = (\d+)/.exec(readFileSync(path.join(project.root, moved.to), 'utf8'))![1]);
    editFile(project, moved.to, `GameConstants.START_MONEY = ${money}`, `GameConstants.START_MONEY = ${money + 1}`);
    const report = await verifyParity(project, { processes: ['economy'], modes: ['federated'] });
    const d = report.runs[0]!.firstDifference!;
    // The first answer that shows a balance is the first GET_BALANCE of the economy trace.
    const traceLines = readFileSync(path.join(project.root, 'traces/economy.jsonl'), 'utf8').split('\n');
    const firstBalance = traceLines.findIndex((l) => l.includes('"GET_BALANCE"')) + 1;
    expect([report.ok, d.line, d.field]).toEqual([false, firstBalance, 'messages[0].Data']);
    expect(JSON.parse(d.expected as string).data.balance).toBe(money);
    expect(JSON.parse(d.actual as string).data.balance).toBe(money + 1);
    const text = renderParityReport(report);
    expect(text).toContain(`First difference: economy (federated), traces/economy.jsonl:${firstBalance}`);
    expect(text).toContain(`-          "balance": ${money},`);
    expect(text).toContain(`+          "balance": ${money + 1},`);
  });
});
