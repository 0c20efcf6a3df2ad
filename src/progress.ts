// What long-running code (engine, audit, planner, bundler, verify) reports its progress
// through: a task with a known total, ticked as units of work finish, closed with a summary.
// The CLI renders it (src/cli/progress.ts: a bar on a terminal, periodic lines in CI logs);
// library callers and tests that pass nothing get `noProgress`.

export interface ProgressTask {
  /** `n` more units done (default 1); `note` names what is being worked on now. */
  tick(n?: number, note?: string): void;
  /** The task is over; `summary` is one line saying what it did (counts, not prose). */
  done(summary?: string): void;
}

/** Starts a task of `total` units (0: the total is not known; only counts are shown). */
export type Progress = (label: string, total: number) => ProgressTask;

const idle: ProgressTask = { tick: () => undefined, done: () => undefined };
export const noProgress: Progress = () => idle;
