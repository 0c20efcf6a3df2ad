// Start-up time of the installed CLI (the compiled dist/, as `npx migrate` runs it) side by side
// with `jscodeshift --help` in the same run, interleaved so machine load hits all alike:
// `migrate --help`, `migrate status` on the example with a plan, and, for reference, `--help`
// from the TypeScript sources through tsx (the repository's dev flow). Median of N runs each.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TOOLKIT_ROOT } from '../../src/config/loadProject.ts';

export interface StartupRow {
  command: string;
  medianSeconds: number;
  minSeconds: number;
  runs: number;
}

const BIN = path.join(TOOLKIT_ROOT, 'bin', 'migrate.mjs');

function time(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, stdio: 'ignore' });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
  return s;
}

export function benchStartup(workDir: string, runs = 7): StartupRow[] {
  execFileSync(process.execPath, [path.join(TOOLKIT_ROOT, 'scripts', 'build.mjs')], { stdio: 'ignore' });
  const project = path.join(workDir, 'startup-example');
  rmSync(project, { recursive: true, force: true });
  cpSync(path.join(TOOLKIT_ROOT, 'examples', 'pokerogue-ao'), project, { recursive: true });
  const dist = { ...process.env, MIGRATE_DIST: '1', NO_COLOR: '1' };
  spawnSync(process.execPath, [BIN, 'plan', '--project', project], { env: dist, stdio: 'ignore' });
  const jscodeshift = path.join(TOOLKIT_ROOT, 'node_modules', '.bin', 'jscodeshift');
  const cases: { command: string; run: () => number }[] = [
    { command: 'migrate --help (dist)', run: () => time(process.execPath, [BIN, '--help'], dist, project) },
    { command: 'migrate status (dist)', run: () => time(process.execPath, [BIN, 'status'], dist, project) },
    { command: 'jscodeshift --help', run: () => time(jscodeshift, ['--help'], process.env, project) },
    { command: 'migrate --help (sources, tsx)', run: () => time(process.execPath, [BIN, '--help'], { ...process.env, MIGRATE_DIST: '0' }, project) },
  ].filter((c) => !c.command.startsWith('jscodeshift') || existsSync(jscodeshift));
  const times = new Map(cases.map((c) => [c.command, [] as number[]]));
  for (const c of cases) c.run(); // warm the file cache once
  for (let i = 0; i < runs; i++) for (const c of cases) times.get(c.command)!.push(c.run());
  return cases.map((c) => {
    const t = [...times.get(c.command)!].sort((a, b) => a - b);
    return { command: c.command, medianSeconds: Number(t[Math.floor(t.length / 2)]!.toFixed(3)), minSeconds: Number(t[0]!.toFixed(3)), runs };
  });
}

export function startupTable(rows: StartupRow[]): string {
  const ref = rows.find((r) => r.command === 'jscodeshift --help');
  return rows
    .map(
      (r) =>
        `${r.command.padEnd(32)} median ${r.medianSeconds.toFixed(3)} s  min ${r.minSeconds.toFixed(3)} s${ref && r !== ref ? `  (${(r.medianSeconds / ref.medianSeconds).toFixed(2)}x jscodeshift)` : ''}`,
    )
    .join('\n');
}
