// Crash safety: `migrate apply <step>` runs in a child process and is SIGKILLed at a random
// point of its write phase, CRASH_RUNS times (default 100). After each kill, `migrate recover`
// must leave every file either exactly as before the step or exactly as after it (whole-tree
// hash), and `migrate rollback --yes` must then give back the original tree byte for byte.
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDir, runAndKill, runCli, treeHash, writeFixture, cleanupTmp } from './fixtureProject.ts';

// Each run costs a node + tsx start-up (~1.5 s CPU): the issue asks for 100 kills in the default
// run, four at a time (about a minute on 2 cores); CRASH_RUNS=N runs another number.
const RUNS = Number(process.env.CRASH_RUNS ?? 100);
const PARALLEL = 4;

/**
 * Starts the apply and kills it `delayMs` after the engine writes its journal entry (the start
 * of the write phase: `.migrate/journal.jsonl` appears), or `delayMs` after start when `fromStart`.
 */
async function applyAndKill(
  dir: string,
  stepId: string,
  delayMs: number | 'never',
  fromStart = false,
): Promise<{ killed: boolean; out: string; ms: number; journalAtMs?: number }> {
  const journal = path.join(dir, '.migrate', 'journal.jsonl');
  const r = await runAndKill(['apply', stepId, '--project', dir], () => existsSync(journal), delayMs, fromStart);
  return { killed: r.killed, out: r.out, ms: r.ms, journalAtMs: r.startedAtMs };
}

/** Runs recover; returns what it did ('none', 'rolled-back', 'rolled-forward', ...). */
async function recoverProject(dir: string): Promise<string> {
  const r = await runCli(['recover', '--json', '--project', dir]);
  if (r.code !== 0) throw new Error(`migrate recover exited ${r.code}: ${r.err}${r.out}`);
  return (JSON.parse(r.out) as { action: string }).action;
}

async function rollbackProject(dir: string): Promise<void> {
  const r = await runCli(['rollback', '--yes', '--project', dir]);
  if (r.code !== 0) throw new Error(`migrate rollback exited ${r.code}: ${r.err}${r.out}`);
}

describe(`crash safety: SIGKILL during apply, ${RUNS} times`, () => {
  afterAll(cleanupTmp);

  let orig = '';
  let stepId = '';
  let before = '';
  let after = '';
  let writeMs = 0;
  let totalMs = 0;

  beforeAll(async () => {
    orig = freshDir('crash-orig');
    ({ stepId } = writeFixture(orig, { modules: 80, processes: 3 }));
    before = treeHash(orig);
    // One uninterrupted apply: the "after" state and how long the write phase lasts.
    const full = freshDir('crash-full');
    cpSync(orig, full, { recursive: true });
    const r = await applyAndKill(full, stepId, 'never');
    if (!/done|applied/.test(r.out)) throw new Error(`reference apply failed:\n${r.out}`);
    after = treeHash(full);
    totalMs = r.ms;
    // The write phase: from the journal entry to the end of the process.
    writeMs = Math.max(20, r.ms - (r.journalAtMs ?? 0));
    rmSync(full, { recursive: true, force: true });
  }, 60_000);

  it('the uninterrupted apply changes the tree (the test can see a half-written one)', () => {
    expect(after).not.toBe(before);
  });

  it(
    `every kill recovers to before-or-after and rolls back byte-identical `,
    async () => {
      const outcomes = { before: 0, after: 0, completed: 0 };
      const actions: Record<string, number> = {};
      const failures: string[] = [];
      const one = async (i: number): Promise<void> => {
        const dir = freshDir(`crash-${i}`);
        cpSync(orig, dir, { recursive: true });
        // Most kills land in the write phase; every fourth anywhere in the run (start-up, planning).
        const anywhere = i % 4 === 3;
        const delay = Math.floor(Math.random() * (anywhere ? totalMs : writeMs));
        const r = await applyAndKill(dir, stepId, delay, anywhere);
        if (!r.killed) outcomes.completed += 1;
        const action = await recoverProject(dir);
        actions[action] = (actions[action] ?? 0) + 1;
        const h = treeHash(dir);
        if (h === before) outcomes.before += 1;
        else if (h === after) outcomes.after += 1;
        else failures.push(`run ${i} (kill after ${delay} ms): tree is neither before nor after the step`);
        await rollbackProject(dir);
        if (treeHash(dir) !== before) failures.push(`run ${i} (kill after ${delay} ms): rollback is not byte-identical to the original`);
        rmSync(dir, { recursive: true, force: true });
      };
      for (let i = 0; i < RUNS; i += PARALLEL) {
        await Promise.all(Array.from({ length: Math.min(PARALLEL, RUNS - i) }, (_, k) => one(i + k)));
      }
      console.log(
        `crash test (write phase ~${Math.round(writeMs)} ms): recovered to before ${outcomes.before}, after ${outcomes.after}; ${outcomes.completed} runs finished before the kill; recover actions ${JSON.stringify(actions)}`,
      );
      expect(failures).toEqual([]);
      // The kills must really land inside the apply, not all before or after it.
      expect(outcomes.completed).toBeLessThan(RUNS);
    },
    Math.max(240_000, RUNS * 6_000),
  );
});
