// Runs the toolkit's CLI as a user would: a child process of `node bin/migrate.mjs`, from inside
// the project folder, with a time limit. A stage's failure is data for the table, never a throw.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(REPO_ROOT, 'bin', 'migrate.mjs');
/** stdout/stderr kept per stream: enough for any --json report of these commands. */
const MAX_OUTPUT = 256 * 1024 * 1024;

export interface StageResult {
  stage: string;
  /** The command line as a user would type it (from inside the project). */
  command: string;
  exit: number | null;
  ms: number;
  ok: boolean;
  /** Why the stage did not run (an earlier stage it needs failed). */
  skipped?: string;
  /** Stable error code (CFG-003, INTERNAL, ...) or TIMEOUT / CRASH; with its first line. */
  code?: string;
  message?: string;
}

export interface CliRun {
  exit: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runCli(cwd: string, args: string[], timeoutMs: number): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let sizes = [0, 0];
    const keep = (list: Buffer[], i: 0 | 1) => (b: Buffer) => {
      if ((sizes[i] += b.length) <= MAX_OUTPUT) list.push(b);
    };
    child.stdout.on('data', keep(out, 0));
    child.stderr.on('data', keep(err, 1));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (exit, signal) => {
      clearTimeout(timer);
      sizes = [0, 0];
      resolve({ exit, signal, timedOut, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Date.now() - started });
    });
  });
}

const CODE_LINE = /^(INTERNAL|[A-Z]+-\d{3})\b.*$/m;

/** The stage's outcome: `okExits` are the exit codes that mean the command did its job. */
export function stageResult(stage: string, args: string[], run: CliRun, okExits: number[] = [0]): StageResult {
  const command = `migrate ${args.join(' ')}`;
  const base = { stage, command, exit: run.exit, ms: run.ms };
  if (run.timedOut) return { ...base, ok: false, code: 'TIMEOUT', message: `killed after ${Math.round(run.ms / 1000)} s` };
  if (run.exit === null || run.exit > 2) {
    return { ...base, ok: false, code: 'CRASH', message: `${run.signal ? `signal ${run.signal}` : `exit ${run.exit}`}: ${firstLine(run.stderr)}` };
  }
  const m = CODE_LINE.exec(run.stderr) ?? CODE_LINE.exec(run.stdout);
  const ok = okExits.includes(run.exit);
  if (ok && !m) return { ...base, ok };
  if (m) return { ...base, ok: ok && m[1] !== 'INTERNAL', code: m[1]!, message: m[0].slice(m[1]!.length).trim().slice(0, 300) };
  return { ...base, ok, message: firstLine(run.stderr) || firstLine(run.stdout) || `exit ${run.exit}` };
}

export const skippedStage = (stage: string, args: string[], why: string): StageResult => ({
  stage,
  command: `migrate ${args.join(' ')}`,
  exit: null,
  ms: 0,
  ok: false,
  skipped: why,
});

export function firstLine(s: string): string {
  return (s.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 300);
}

export function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
