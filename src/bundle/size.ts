// `migrate size`: per process the federated and hybrid shells against the ORIGINAL monolith
// (the baseline stored before the first step, else the monolith of the current sources, which
// are then the original), the floor of each shell and shell ÷ floor, plus the runtime; raw and
// gzip (zlib level 9, deterministic). Budgets always apply to RAW bytes (unminified), as in
// `audit` and `plan`; --minify changes what is displayed, never what a budget is checked on.
import { gzipSync } from 'node:zlib';
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { Workspace } from '../files/tree.ts';
import { buildBundleGraph, type BundleGraph, type BundleProcess } from './closure.ts';
import { buildFromGraph, type BuildFile } from './builds.ts';
import { noProgress, type Progress } from '../progress.ts';
import { loaderHash } from './emit.ts';
import { latin1ToUtf8 } from './luaFront.ts';
import { shellBootstrap } from './loaderModule.ts';
import { minifyLua } from './minify.ts';

/** The owner's targets (docs/bundle.md): a ~500 KB runtime, ~150 KB shells. */
export const SIZE_TARGETS = { runtimeBytes: 500_000, shellBytes: 150_000 } as const;

/** What every budget is checked on, in audit, plan and size. */
export const BUDGET_MEASURE = 'raw bytes (unminified)';

export interface ProcessSizes {
  name: string;
  /** The monolith built from the current sources. */
  monolithBytes: number;
  monolithGzip: number;
  /** The original monolith (see SizeReport.original), what the shells are compared with. */
  originalBytes: number;
  shellBytes: number;
  shellGzip: number;
  hybridBytes: number;
  hybridGzip: number;
  /** Federated shell vs the original monolith, percent saved (negative: the shell is larger). */
  shellReductionPct: number;
  hybridReductionPct: number;
  /** Shell ÷ original monolith. */
  shellToOriginal: number;
  /** Process-only code (entry + modules no other process reaches) + the shell bootstrap (federated processes). */
  floorBytes: number;
  /** Shell ÷ floor (1.0: the shell carries nothing it could do without). */
  shellToFloor: number;
  /** false: the process is not federated (its "shell" is its monolith). */
  federated: boolean;
  /** Sum of the module file bytes in the monolith (what the audit projects) + the entry. */
  moduleBytes: number;
  modules: number;
}

export interface SizeReport {
  minified: boolean;
  /** Where the original monoliths come from. */
  original: 'baseline' | 'current sources';
  budgetMeasure: typeof BUDGET_MEASURE;
  runtimeBytes: number;
  runtimeGzip: number;
  runtimeModules: number;
  processes: ProcessSizes[];
  totals: { shellBytes: number; floorBytes: number; originalBytes: number; shellToFloor: number; shellToOriginal: number };
  budgets: { runtimeBytes: number; shellBytes: number };
  targets: typeof SIZE_TARGETS;
  /** One line per budget exceeded (empty: within budget). */
  overBudget: string[];
  /** The same, structured (raw bytes): what --json reports. */
  budgetBreaches: { kind: 'runtime' | 'shell'; process: string | null; bytes: number; budgetBytes: number }[];
}

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const bytes = (f: BuildFile | undefined): number => (f ? utf8Bytes(f.content) : 0);
const gzText = (s: string): number => gzipSync(Buffer.from(s, 'utf8'), { level: 9 }).length;
const gz = (f: BuildFile | undefined): number => (f ? gzText(f.content) : 0);
const pct = (small: number, big: number): number => (big > 0 ? Math.round(((big - small) / big) * 1000) / 10 : 0);
const ratio = (a: number, b: number): number => (b > 0 ? Math.round((a / b) * 1000) / 1000 : 0);

/** Process-only code of `proc` (modules of its closure no other process reaches, + entry), plus the bootstrap when it is federated. */
export function floorOf(graph: BundleGraph, proc: BundleProcess, minify: boolean): number {
  const others = new Set(graph.processes.filter((p) => p !== proc).flatMap((p) => p.closure));
  const text = (t: string, file: string) => utf8Bytes(latin1ToUtf8(minify ? minifyLua(t, file) : t));
  let n = text(proc.entryText, proc.entryPath);
  for (const name of proc.closure) {
    const m = graph.modules.get(name)!;
    if (!others.has(name)) n += text(m.text, m.path);
  }
  // A process left as a monolith carries no bootstrap: its floor is its own code alone.
  return proc.usesFederation ? n + text(shellBootstrap(graph.loaderName, loaderHash()), 'bootstrap.lua') : n;
}

/** Original monoliths by process name (as stored: raw text); minified here when asked. */
export type OriginalMonoliths = Map<string, string>;

export function sizeReport(
  project: { config: ProjectConfig },
  ws: Workspace,
  opts: { minify?: boolean; original?: OriginalMonoliths; progress?: Progress } = {},
): SizeReport {
  // The require graph, then the three builds (each a pass over every process).
  const task = (opts.progress ?? noProgress)('size', 4);
  task.tick(0, 'require graph');
  const graph = buildBundleGraph(project.config, ws);
  const minify = opts.minify === true;
  task.tick(1, 'monolith builds');
  const mono = buildFromGraph(graph, 'monolith', opts);
  task.tick(1, 'federated builds');
  const fed = buildFromGraph(graph, 'federated', opts);
  task.tick(1, 'hybrid builds');
  const hyb = buildFromGraph(graph, 'hybrid', opts);
  // Budgets are checked on raw bytes whatever is displayed.
  const raw = minify ? buildFromGraph(graph, 'federated', {}) : fed;
  task.tick(1);
  task.done(`${graph.processes.length} processes x 3 modes built`);
  const runtime = fed.find((f) => f.kind === 'runtime');
  const budgets = project.config.budgets;
  const overBudget: string[] = [];
  const budgetBreaches: SizeReport['budgetBreaches'] = [];
  const runtimeRaw = bytes(raw.find((f) => f.kind === 'runtime'));
  if (runtimeRaw > budgets.runtimeBytes) {
    overBudget.push(`runtime ${runtimeRaw} B > budget ${budgets.runtimeBytes} B (raw)`);
    budgetBreaches.push({ kind: 'runtime', process: null, bytes: runtimeRaw, budgetBytes: budgets.runtimeBytes });
  }
  const originalText = (name: string, current: BuildFile | undefined): string => {
    const stored = opts.original?.get(name);
    if (stored === undefined) return current?.content ?? '';
    return minify ? latin1ToUtf8(minifyLua(Buffer.from(stored, 'utf8').toString('latin1'), `baseline/${name}.lua`)) : stored;
  };
  const processes = graph.processes.map((p): ProcessSizes => {
    const m = mono.find((f) => f.process === p.name);
    const s = fed.find((f) => f.process === p.name);
    const h = hyb.find((f) => f.process === p.name);
    const originalBytes = utf8Bytes(originalText(p.name, m));
    const floorBytes = floorOf(graph, p, minify);
    const sizes: ProcessSizes = {
      name: p.name,
      monolithBytes: bytes(m),
      monolithGzip: gz(m),
      originalBytes,
      shellBytes: bytes(s),
      shellGzip: gz(s),
      hybridBytes: bytes(h),
      hybridGzip: gz(h),
      shellReductionPct: pct(bytes(s), originalBytes),
      hybridReductionPct: pct(bytes(h), originalBytes),
      shellToOriginal: ratio(bytes(s), originalBytes),
      floorBytes,
      shellToFloor: ratio(bytes(s), floorBytes),
      federated: p.usesFederation,
      moduleBytes: p.closure.reduce((n, name) => n + graph.modules.get(name)!.bytes, p.entryBytes),
      modules: p.closure.length,
    };
    const shellRaw = bytes(raw.find((f) => f.process === p.name));
    if (shellRaw > budgets.shellBytes) {
      overBudget.push(`${p.name}: federated shell ${shellRaw} B > budget ${budgets.shellBytes} B (raw)`);
      budgetBreaches.push({ kind: 'shell', process: p.name, bytes: shellRaw, budgetBytes: budgets.shellBytes });
    }
    return sizes;
  });
  const sum = (k: 'shellBytes' | 'floorBytes' | 'originalBytes') => processes.reduce((n, p) => n + p[k], 0);
  const totals = { shellBytes: sum('shellBytes'), floorBytes: sum('floorBytes'), originalBytes: sum('originalBytes') };
  return {
    minified: minify,
    original: opts.original?.size ? 'baseline' : 'current sources',
    budgetMeasure: BUDGET_MEASURE,
    runtimeBytes: bytes(runtime),
    runtimeGzip: gz(runtime),
    runtimeModules: graph.runtimeModules.length,
    processes,
    totals: { ...totals, shellToFloor: ratio(totals.shellBytes, totals.floorBytes), shellToOriginal: ratio(totals.shellBytes, totals.originalBytes) },
    budgets: { runtimeBytes: budgets.runtimeBytes, shellBytes: budgets.shellBytes },
    targets: SIZE_TARGETS,
    overBudget,
    budgetBreaches,
  };
}

const kb = (n: number): string => `${(n / 1000).toFixed(1)} KB`;

/** The table `migrate size` prints. */
export function renderSizeReport(r: SizeReport): string {
  const head = ['process', 'modules', 'original', 'fed. shell', 'gzip', 'vs orig.', 'floor', 'shell/floor', 'hybrid shell', 'vs orig.'];
  const rows = r.processes.map((p) => [
    p.federated ? p.name : `${p.name} (monolith)`,
    String(p.modules),
    kb(p.originalBytes),
    kb(p.shellBytes),
    kb(p.shellGzip),
    `${(p.shellToOriginal * 100).toFixed(1)}%`,
    kb(p.floorBytes),
    p.shellToFloor.toFixed(2),
    kb(p.hybridBytes),
    `${(100 - p.hybridReductionPct).toFixed(1)}%`,
  ]);
  const t = r.totals;
  rows.push([
    'total',
    '',
    kb(t.originalBytes),
    kb(t.shellBytes),
    '',
    `${(t.shellToOriginal * 100).toFixed(1)}%`,
    kb(t.floorBytes),
    t.shellToFloor.toFixed(2),
    '',
    '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(head), ...rows.map(line)];
  out.push('');
  out.push(
    `sizes: ${r.minified ? 'minified' : 'raw'}; original = the monolith from ${r.original === 'baseline' ? 'the baseline taken before the first step (.migrate/baseline)' : 'the current sources (no step applied yet)'}`,
  );
  out.push('floor = the process-only code (entry + modules no other process reaches) + the shell bootstrap');
  out.push(
    `runtime: ${kb(r.runtimeBytes)} (gzip ${kb(r.runtimeGzip)}), ${r.runtimeModules} module(s); target ~${kb(r.targets.runtimeBytes)}, budget ${kb(r.budgets.runtimeBytes)}`,
  );
  out.push(`shells: target ~${kb(r.targets.shellBytes)}, budget ${kb(r.budgets.shellBytes)}; budgets apply to ${r.budgetMeasure}, as in audit and plan`);
  out.push(r.overBudget.length ? `OVER BUDGET:\n${r.overBudget.map((l) => `  - ${l}`).join('\n')}` : 'within budget');
  return out.join('\n');
}
