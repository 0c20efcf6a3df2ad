// Crash safety of a rollback: `migrate rollback` reverts all applied steps together (each file
// written once, at its oldest pre-image), so a kill in the middle leaves files of several steps
// half way. Here three steps that all rewrite the same entry files are applied, then rollback
// runs in a child process and is SIGKILLed at a random point, ROLLBACK_CRASH_RUNS times
// (default 30). After each kill `migrate recover` must leave the tree exactly as after some
// prefix of the steps (all applied, the oldest k applied, or none), and a following rollback
// must give back the original tree byte for byte.
import { cpSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTmp, freshDir, runAndKill, runCli, treeHash, writeFixture } from './fixtureProject.ts';

const RUNS = Number(process.env.ROLLBACK_CRASH_RUNS ?? 30);
const PARALLEL = 4;
const STEPS = 3;

const journalSize = (dir: string): number => {
  try {
    return statSync(path.join(dir, '.migrate', 'journal.jsonl')).size;
  } catch {
    return -1;
  }
};

/**
 * Starts the rollback and kills it `delayMs` after its write phase begins (the journal changes:
 * the 'begin-revert' records are appended). `writeMs`: from that moment to the end of the process.
 */
async function rollbackAndKill(dir: string, delayMs: number | 'never'): Promise<{ killed: boolean; out: string; writeMs: number }> {
  const initial = journalSize(dir);
  const r = await runAndKill(['rollback', '--yes', '--project', dir], () => journalSize(dir) !== initial, delayMs);
  return { killed: r.killed, out: r.out, writeMs: r.startedAtMs === undefined ? 0 : r.ms - r.startedAtMs };
}

async function cli(argv: string[]): Promise<string> {
  const r = await runCli(argv);
  if (r.code !== 0) throw new Error(`migrate ${argv.join(' ')} exited ${r.code}: ${r.err}${r.out}`);
  return r.out;
}

describe(`crash safety: SIGKILL during rollback of ${STEPS} steps, ${RUNS} times`, () => {
  afterAll(cleanupTmp);

  let applied = '';
  /** Tree hashes after 0, 1, ..., STEPS steps. */
  const states: string[] = [];
  let writeMs = 0;

  beforeAll(async () => {
    applied = freshDir('rbcrash-applied');
    const { stepIds } = writeFixture(applied, { modules: 60, processes: 3, steps: STEPS });
    states.push(treeHash(applied));
    for (const id of stepIds) {
      await cli(['apply', id, '--project', applied]);
      states.push(treeHash(applied));
    }
    const full = freshDir('rbcrash-full');
    cpSync(applied, full, { recursive: true });
    const r = await rollbackAndKill(full, 'never');
    if (r.killed || treeHash(full) !== states[0]) throw new Error(`reference rollback failed:\n${r.out}`);
    writeMs = Math.max(20, r.writeMs);
    rmSync(full, { recursive: true, force: true });
  }, 120_000);

  it('every step changes the tree (the test can tell the states apart)', () => {
    expect(new Set(states).size).toBe(STEPS + 1);
  });

  it(
    'every kill recovers to the state after a prefix of the steps, and rolls back byte-identical',
    async () => {
      const landed = new Array<number>(STEPS + 1).fill(0);
      const actions: Record<string, number> = {};
      let completed = 0;
      const failures: string[] = [];
      const one = async (i: number): Promise<void> => {
        const dir = freshDir(`rbcrash-${i}`);
        cpSync(applied, dir, { recursive: true });
        const delay = Math.floor(Math.random() * writeMs);
        const r = await rollbackAndKill(dir, delay);
        if (!r.killed) completed += 1;
        const action = (JSON.parse(await cli(['recover', '--json', '--project', dir])) as { action: string }).action;
        actions[action] = (actions[action] ?? 0) + 1;
        const at = states.indexOf(treeHash(dir));
        if (at < 0) failures.push(`run ${i} (kill after ${delay} ms): the tree is not the state after any prefix of the steps`);
        else landed[at]! += 1;
        await cli(['rollback', '--yes', '--project', dir]);
        if (treeHash(dir) !== states[0]) failures.push(`run ${i} (kill after ${delay} ms): rollback is not byte-identical to the original`);
        rmSync(dir, { recursive: true, force: true });
      };
      for (let i = 0; i < RUNS; i += PARALLEL) {
        await Promise.all(Array.from({ length: Math.min(PARALLEL, RUNS - i) }, (_, k) => one(i + k)));
      }
      console.log(
        `rollback crash test (write phase ~${Math.round(writeMs)} ms): recovered to the state after k steps ${JSON.stringify(landed)}; ${completed} runs finished before the kill; recover actions ${JSON.stringify(actions)}`,
      );
      expect(failures).toEqual([]);
      expect(completed).toBeLessThan(RUNS);
    },
    Math.max(240_000, RUNS * 8_000),
  );
});
