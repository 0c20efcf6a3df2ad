// `npm run bench [-- --factors 1,10,30] [--jobs N] [--ts-files N] [--no-ts] [--identical-shards]
// [--no-startup] [--startup-only] [--no-sizes] [--sizes-only] [--messages N] [--corpora a,b]`: the CLI's start-up
// time beside jscodeshift's (startup.ts), the floor figures of the migrated example (floorBench.ts),
// then audit, plan, apply (every step), rollback and bundle on scale corpora of the example
// (1x, 10x, 30x), each factor in its own child process (peak RSS per factor from
// process.resourceUsage()), plus the TS import-rewrite bench; writes reports/bench.json and
// prints tables. `--help` prints this.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { TOOLKIT_ROOT } from '../../src/config/loadProject.ts';
import type { PhaseRow } from './benchPhases.ts';
import { benchStartup, startupTable, type StartupRow } from './startup.ts';

const SELF = fileURLToPath(import.meta.url);
const WORK_DIR = process.env.BENCH_DIR ?? path.join(TOOLKIT_ROOT, 'test', 'tmp', 'bench');
const REPORT = path.join(TOOLKIT_ROOT, 'reports', 'bench.json');

const USAGE = `Usage: npm run bench [-- --factors 1,10,30] [--jobs N] [--ts-files N] [--no-ts] [--identical-shards] [--no-startup] [--startup-only] [--no-sizes] [--sizes-only] [--messages N] [--corpora a,b]

  --factors        corpus sizes, in copies of the example (default 1,10,30)
  --jobs N         threads for the audit (default: the cores)
  --ts-files N     files of the TS import-rewrite bench (default 2000); --no-ts skips it
  --identical-shards  byte copies of the example instead of renamed shards
  --no-startup     skip the start-up bench; --startup-only runs only it
  --no-sizes       skip the floor figures of the migrated example; --sizes-only runs only them
                   (shell/original, shell/floor per process, sum of shells/floor, bench-runtime ratios)
  --messages N     messages per process for the bench-runtime ratios (default 1000)
  --corpora a,b    also the floor figures of these code bases (copied, then init, plan, apply,
                   size, bench-runtime), one row each in README.md
Writes reports/bench.json (and the floor table of README.md).`;

function parseBenchArgs() {
  try {
    return parseArgs({
      options: {
        factors: { type: 'string', default: '1,10,30' },
        jobs: { type: 'string', default: String(os.availableParallelism?.() ?? os.cpus().length) },
        child: { type: 'string' },
        'ts-files': { type: 'string', default: '2000' },
        'no-ts': { type: 'boolean', default: false },
        'identical-shards': { type: 'boolean', default: false },
        'no-startup': { type: 'boolean', default: false },
        'startup-only': { type: 'boolean', default: false },
        'no-sizes': { type: 'boolean', default: false },
        'sizes-only': { type: 'boolean', default: false },
        messages: { type: 'string', default: '1000' },
        corpora: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
}

const values = parseBenchArgs();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const jobs = Math.max(1, Number(values.jobs));

function runChild(factor: number): Promise<PhaseRow> {
  return new Promise((resolve, reject) => {
    const args = [
      path.join(TOOLKIT_ROOT, 'bin', 'run-ts.mjs'),
      SELF,
      '--child',
      String(factor),
      '--jobs',
      String(jobs),
      ...(values['identical-shards'] ? ['--identical-shards'] : []),
    ];
    const child = spawn(process.execPath, ['--max-old-space-size=4096', ...args], {
      cwd: TOOLKIT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH-ROW '));
      if (code !== 0 || !line) reject(new Error(`bench child for factor ${factor} exited ${code}:\n${out.slice(-2000)}`));
      else resolve(JSON.parse(line.slice('BENCH-ROW '.length)) as PhaseRow);
    });
  });
}

const fmt = (n: number | null | undefined, d = 2): string => (n === null || n === undefined ? 'n/a' : n.toFixed(d));

function table(rows: PhaseRow[]): string {
  const head = [
    'factor',
    'files',
    'Lua MB',
    'procs',
    'parse s',
    'parse (audit options) s',
    `parse x${jobs} s`,
    'audit s',
    'plan s',
    'apply s',
    'rollback s',
    'bundle s',
    'total s',
    'MB/s',
    'peak MB',
  ];
  const body = rows.map((r) => [
    `${r.factor}x`,
    String(r.files),
    fmt(r.luaMb),
    String(r.processes),
    fmt(r.seconds.parse),
    fmt(r.seconds.parseAuditOptions),
    fmt(r.seconds.parseJobs),
    fmt(r.seconds.audit),
    fmt(r.seconds.plan),
    fmt(r.seconds.apply),
    fmt(r.seconds.rollback),
    fmt(r.seconds.bundle),
    fmt(r.totalSeconds),
    fmt(r.luaMb / r.totalSeconds),
    fmt(r.peakRssMb, 0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

function targets(rows: PhaseRow[]): Record<string, string> {
  const one = rows.find((r) => r.factor === 1);
  const out: Record<string, string> = {};
  for (const r of rows) {
    if (one && r.factor > 1)
      out[`growth ${r.factor}x`] = `${fmt(r.totalSeconds / one.totalSeconds)}x the time of 1x (target <= ${fmt(r.factor * (35 / 30), 1)}x)`;
    out[`audit/parse ${r.factor}x`] =
      r.auditVsParse === null
        ? 'n/a (audit not available)'
        : `${fmt(r.auditVsParse)} (target <= 2); against a parse with the audit's options ${fmt(r.auditVsAuditOptionsParse)}`;
    out[`peak ${r.factor}x`] = `${fmt(r.peakRssMb, 0)} MB${r.factor === 30 ? ' (target <= 2048)' : ''}`;
  }
  return out;
}

/** reports/bench.json as the last run wrote it ({} before the first): runs of one part keep the others. */
function previousReport(): Record<string, unknown> {
  return existsSync(REPORT) ? (JSON.parse(readFileSync(REPORT, 'utf8')) as Record<string, unknown>) : {};
}

/** The floor figures: into reports/bench.json (key `floor`, other keys kept) and the README table. */
async function runFloor(): Promise<unknown> {
  const { benchFloor, floorMarkdown, withFloorTable, corporaMarkdown, CORPORA_MARKERS } = await import('./floorBench.ts');
  process.stderr.write('bench: floor figures of the migrated example ...\n');
  const messages = Number(values.messages);
  const floor = benchFloor(WORK_DIR, { messages });
  const table = floorMarkdown(floor);
  process.stdout.write(`${table}\n\n`);
  const readme = path.join(TOOLKIT_ROOT, 'README.md');
  let text = withFloorTable(readFileSync(readme, 'utf8'), table);
  const corpora = String(values.corpora ?? '')
    .split(',')
    .filter(Boolean)
    .map((dir) => ({ dir: path.resolve(dir), label: path.basename(path.resolve(dir)) }));
  const onCorpora = [];
  for (const c of corpora) {
    process.stderr.write(`bench: floor figures of ${c.label} ...\n`);
    onCorpora.push({ label: c.label, report: benchFloor(WORK_DIR, { messages, source: c.dir, label: c.label }) });
  }
  if (onCorpora.length) {
    const corporaTable = corporaMarkdown(onCorpora, messages);
    process.stdout.write(`${corporaTable}\n\n`);
    text = withFloorTable(text, corporaTable, CORPORA_MARKERS);
  }
  writeFileSync(readme, text);
  if (onCorpora.length) return { ...floor, corpora: onCorpora };
  // Not measured this time: the corpora figures of the last run stay (as their README rows do).
  const corporaBefore = (previousReport().floor as { corpora?: unknown } | undefined)?.corpora;
  return corporaBefore ? { ...floor, corpora: corporaBefore } : floor;
}

async function runParent(): Promise<void> {
  mkdirSync(WORK_DIR, { recursive: true });
  if (values['sizes-only']) {
    const previous = previousReport();
    const floor = await runFloor();
    mkdirSync(path.dirname(REPORT), { recursive: true });
    writeFileSync(REPORT, `${JSON.stringify({ ...previous, floor }, null, 2)}\n`);
    process.stdout.write(`wrote the floor figures to ${path.relative(TOOLKIT_ROOT, REPORT)} and README.md\n`);
    return;
  }
  let startup: StartupRow[] | null = null;
  if (!values['no-startup']) {
    process.stderr.write('bench: start-up ...\n');
    startup = benchStartup(WORK_DIR);
    process.stdout.write(`${startupTable(startup)}\n\n`);
  }
  if (values['startup-only']) {
    // Only the start-up figures change: the scale rows of the last full run are kept.
    const previous = previousReport();
    writeFileSync(REPORT, `${JSON.stringify({ ...previous, startup, startupMeasuredAt: new Date().toISOString() }, null, 2)}\n`);
    process.stdout.write(`wrote the start-up figures to ${path.relative(TOOLKIT_ROOT, REPORT)}\n`);
    return;
  }
  const factors = values['startup-only']
    ? []
    : String(values.factors)
        .split(',')
        .map(Number)
        .filter((n) => n > 0);
  const rows: PhaseRow[] = [];
  for (const f of factors) {
    process.stderr.write(`bench: factor ${f}x ...\n`);
    rows.push(await runChild(f));
  }
  let ts: unknown = null;
  if (!values['no-ts'] && !values['startup-only']) {
    const { benchTsRewrite } = await import('./tsBench.ts');
    ts = await benchTsRewrite(Number(values['ts-files']));
  }
  const floor = values['no-sizes'] ? null : await runFloor();
  const cpus = os.cpus();
  const report = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpu: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    jobs,
    corpus: values['identical-shards'] ? 'identical shards (copies of the example)' : 'distinct shards (the example with per-shard local names)',
    startup,
    rows,
    targets: targets(rows),
    tsRewrite: ts,
    floor,
  };
  mkdirSync(path.dirname(REPORT), { recursive: true });
  writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${table(rows)}\n\n`);
  for (const [k, v] of Object.entries(report.targets)) process.stdout.write(`${k}: ${v}\n`);
  for (const r of rows) for (const n of r.notes) process.stdout.write(`${r.factor}x note: ${n}\n`);
  if (ts) process.stdout.write(`TS import rewrite: ${JSON.stringify(ts)}\n`);
  process.stdout.write(
    `machine: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memoryGb} GB, node ${report.machine.node}\nwrote ${path.relative(TOOLKIT_ROOT, REPORT)}\n`,
  );
}

if (values.child) {
  // Child: one factor; the row is the last stdout line.
  const { measureFactor } = await import('./benchPhases.ts');
  const row = await measureFactor(Number(values.child), jobs, WORK_DIR, { identicalShards: values['identical-shards'] });
  process.stdout.write(`\nBENCH-ROW ${JSON.stringify(row)}\n`);
} else {
  await runParent();
}
