// Small on-disk projects for the reliability tests (under test/tmp/, gitignored): N shared
// modules required by every process entry, a plan whose one step moves them all to the runtime
// (many moves + entry rewrites: an apply long enough to be killed in the middle), helpers to
// hash a tree and to run the CLI in-process or as a child process.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { TOOLKIT_ROOT } from '../../src/config/loadProject.ts';
import { runCli as runCliIn } from '../helpers/runCli.ts';

export const TMP_ROOT = path.join(TOOLKIT_ROOT, 'test', 'tmp', 'reliability');
export const MIGRATE_BIN = path.join(TOOLKIT_ROOT, 'bin', 'migrate.mjs');

export interface FixtureOptions {
  modules?: number;
  processes?: number;
  /** Extra files (project-relative path -> content). */
  extra?: Record<string, string | Buffer>;
  /**
   * Split the move into this many steps (each moving a share of the modules and rewriting every
   * entry again); the first step keeps the id 'move-shared-utils', the others get '-2', '-3'...
   */
  steps?: number;
}

export const moduleName = (i: number): string => `shared.util-${i}`;

export function freshDir(name: string): string {
  const dir = path.join(TMP_ROOT, `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

function write(root: string, rel: string, content: string | Buffer): void {
  const abs = path.join(root, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
}

/** Removes every directory freshDir made in this process. */
export function cleanupTmp(): void {
  let names: string[] = [];
  try {
    names = readdirSync(TMP_ROOT);
  } catch {
    return;
  }
  for (const n of names) if (n.endsWith(`-${process.pid}`)) rmSync(path.join(TMP_ROOT, n), { recursive: true, force: true });
}

/** Writes the project; returns the id of its first plan step and every step's id. */
export function writeFixture(root: string, opts: FixtureOptions = {}): { stepId: string; stepIds: string[]; modules: string[]; processes: string[] } {
  const n = opts.modules ?? 60;
  const processes = Array.from({ length: opts.processes ?? 3 }, (_, i) => `proc${i}`);
  const modules = Array.from({ length: n }, (_, i) => moduleName(i));
  write(
    root,
    'migrate.config.json',
    `${JSON.stringify({ sourceRoot: 'ao-processes', processes: processes.map((p) => ({ name: p, entry: `ao-processes/${p}/main.lua` })) }, null, 2)}\n`,
  );
  modules.forEach((m, i) => {
    // CRLF, a BOM on every third file and no final newline on every fifth: bytes a careless writer would change.
    const body = `-- ${m}\r\nlocal M = {}\r\nfunction M.value() return ${i} end\r\nM.text = [==[long ]] string ${i}]==]\r\nreturn M${i % 5 === 0 ? '' : '\r\n'}`;
    write(root, `ao-processes/${m.replace(/\./g, '/')}.lua`, i % 3 === 0 ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]) : body);
  });
  for (const p of processes) {
    const lines = modules.map((m, i) => `local u${i} = require("${m}")`);
    write(
      root,
      `ao-processes/${p}/main.lua`,
      `-- ${p}\n${lines.join('\n')}\nHandlers.add("Info", "Info", function(msg) msg.reply({ Data = tostring(u0.value()) }) end)\n`,
    );
  }
  const stepId = 'move-shared-utils';
  const count = Math.max(1, opts.steps ?? 1);
  const stepIds = Array.from({ length: count }, (_, k) => (k === 0 ? stepId : `${stepId}-${k + 1}`));
  const plan = {
    version: 1,
    name: 'reliability',
    createdAt: '2026-01-01T00:00:00.000Z',
    project: { sourceRoot: 'ao-processes' },
    steps: stepIds.map((id, k) => ({
      id,
      story: '36.1',
      title: count === 1 ? 'Move shared utils to the runtime' : `Move shared utils to the runtime (part ${k + 1} of ${count})`,
      transform: 'lua/move-to-runtime',
      params: { modules: modules.filter((_, i) => i % count === k) },
      dependsOn: k === 0 ? [] : [stepIds[k - 1]],
      reads: [],
      sizeImpact: [],
    })),
  };
  write(root, 'migration-plans/reliability.plan.json', `${JSON.stringify(plan, null, 2)}\n`);
  for (const [rel, content] of Object.entries(opts.extra ?? {})) write(root, rel, content);
  return { stepId, stepIds, modules, processes };
}

/** sha256 over every file (path, mode, bytes) except the engine's own `.migrate/` and build output. */
export function treeHash(root: string, skip: string[] = ['.migrate', 'build', 'traces/probes']): string {
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = path.join(dir, name);
      const rel = path.relative(root, abs);
      if (skip.some((s) => rel === s || rel.split(path.sep)[0] === s)) continue;
      const st = lstatSync(abs);
      if (st.isDirectory()) walk(abs);
      else {
        h.update(`${rel}\0${st.mode & 0o777}\0`);
        h.update(readFileSync(abs));
        h.update('\0');
      }
    }
  };
  walk(root);
  return h.digest('hex');
}

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `migrate <argv>` in this process (the CLI's own main), capturing its output. */
/** Runs the CLI in-process from the toolkit root (the shared runner). */
export const runCli = (argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliResult> => runCliIn(argv, TOOLKIT_ROOT, { env });

/** Runs `node bin/migrate.mjs <argv>` as a child process. */
export function runCliChild(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MIGRATE_BIN, ...argv], { cwd: TOOLKIT_ROOT, env: { ...env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/**
 * Runs `node bin/migrate.mjs <argv>` in a child process and SIGKILLs it `delayMs` after
 * `started()` first holds (polled every millisecond: the start of the write phase), or after
 * the spawn when `fromStart`. `ms` is the whole run, `startedAtMs` when `started()` first held.
 */
export function runAndKill(
  argv: string[],
  started: () => boolean,
  delayMs: number | 'never',
  fromStart = false,
): Promise<{ killed: boolean; out: string; ms: number; startedAtMs?: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [MIGRATE_BIN, ...argv], { cwd: TOOLKIT_ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    let startedAtMs: number | undefined;
    const arm = (): void => {
      if (timer || delayMs === 'never') return;
      timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    if (fromStart) arm();
    const poll = setInterval(() => {
      if (startedAtMs !== undefined || !started()) return;
      startedAtMs = performance.now() - t0;
      arm();
    }, 1);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (_code, signal) => {
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', out, ms: performance.now() - t0, ...(startedAtMs === undefined ? {} : { startedAtMs }) });
    });
  });
}
