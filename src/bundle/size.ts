// `migrate size`: per process the monolith, the federated shell and the hybrid shell, plus the
// runtime, raw and gzip (zlib level 9, deterministic), against the owner's targets and the
// config's budgets (a budget exceeded makes the command exit 1, like size-limit).
import { gzipSync } from 'node:zlib';
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { Workspace } from '../stage/tree.ts';
import { buildBundleGraph } from './closure.ts';
import { buildFromGraph, type BuildFile } from './builds.ts';
import { noProgress, type Progress } from '../progress.ts';

/** The owner's targets (docs/bundle.md): a ~500 KB runtime, ~150 KB shells. */
export const SIZE_TARGETS = { runtimeBytes: 500_000, shellBytes: 150_000 } as const;

export interface ProcessSizes {
  name: string;
  monolithBytes: number;
  monolithGzip: number;
  shellBytes: number;
  shellGzip: number;
  hybridBytes: number;
  hybridGzip: number;
  /** Shell vs monolith, percent saved (raw bytes). */
  shellReductionPct: number;
  hybridReductionPct: number;
  /** Sum of the module file bytes in the monolith (what the audit projects) + the entry. */
  moduleBytes: number;
  modules: number;
}

export interface SizeReport {
  minified: boolean;
  runtimeBytes: number;
  runtimeGzip: number;
  runtimeModules: number;
  processes: ProcessSizes[];
  budgets: { runtimeBytes: number; shellBytes: number };
  targets: typeof SIZE_TARGETS;
  /** One line per budget exceeded (empty: within budget). */
  overBudget: string[];
}

const bytes = (f: BuildFile | undefined): number => (f ? Buffer.byteLength(f.content, 'utf8') : 0);
const gz = (f: BuildFile | undefined): number => (f ? gzipSync(Buffer.from(f.content, 'utf8'), { level: 9 }).length : 0);
const pct = (small: number, big: number): number => (big > 0 ? Math.round(((big - small) / big) * 1000) / 10 : 0);

export function sizeReport(project: { config: ProjectConfig }, ws: Workspace, opts: { minify?: boolean; progress?: Progress } = {}): SizeReport {
  // The require graph, then the three builds (each a pass over every process).
  const task = (opts.progress ?? noProgress)('size', 4);
  task.tick(0, 'require graph');
  const graph = buildBundleGraph(project.config, ws);
  task.tick(1, 'monolith builds');
  const mono = buildFromGraph(graph, 'monolith', opts);
  task.tick(1, 'federated builds');
  const fed = buildFromGraph(graph, 'federated', opts);
  task.tick(1, 'hybrid builds');
  const hyb = buildFromGraph(graph, 'hybrid', opts);
  task.tick(1);
  task.done(`${graph.processes.length} processes x 3 modes built`);
  const runtime = fed.find((f) => f.kind === 'runtime');
  const budgets = project.config.budgets;
  const overBudget: string[] = [];
  const runtimeBytes = bytes(runtime);
  if (runtimeBytes > budgets.runtimeBytes) overBudget.push(`runtime ${runtimeBytes} B > budget ${budgets.runtimeBytes} B`);
  const processes = graph.processes.map((p): ProcessSizes => {
    const m = mono.find((f) => f.process === p.name);
    const s = fed.find((f) => f.process === p.name);
    const h = hyb.find((f) => f.process === p.name);
    const sizes: ProcessSizes = {
      name: p.name,
      monolithBytes: bytes(m),
      monolithGzip: gz(m),
      shellBytes: bytes(s),
      shellGzip: gz(s),
      hybridBytes: bytes(h),
      hybridGzip: gz(h),
      shellReductionPct: pct(bytes(s), bytes(m)),
      hybridReductionPct: pct(bytes(h), bytes(m)),
      moduleBytes: p.closure.reduce((n, name) => n + graph.modules.get(name)!.bytes, p.entryBytes),
      modules: p.closure.length,
    };
    if (sizes.shellBytes > budgets.shellBytes) overBudget.push(`${p.name}: federated shell ${sizes.shellBytes} B > budget ${budgets.shellBytes} B`);
    return sizes;
  });
  return {
    minified: opts.minify === true,
    runtimeBytes,
    runtimeGzip: gz(runtime),
    runtimeModules: graph.runtimeModules.length,
    processes,
    budgets: { runtimeBytes: budgets.runtimeBytes, shellBytes: budgets.shellBytes },
    targets: SIZE_TARGETS,
    overBudget,
  };
}

const kb = (n: number): string => `${(n / 1000).toFixed(1)} KB`;

/** The table `migrate size` prints. */
export function renderSizeReport(r: SizeReport): string {
  const head = ['process', 'modules', 'monolith', 'gzip', 'fed. shell', 'gzip', 'saved', 'hybrid shell', 'gzip', 'saved'];
  const rows = r.processes.map((p) => [p.name, String(p.modules), kb(p.monolithBytes), kb(p.monolithGzip), kb(p.shellBytes), kb(p.shellGzip), `${p.shellReductionPct}%`, kb(p.hybridBytes), kb(p.hybridGzip), `${p.hybridReductionPct}%`]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(head), ...rows.map(line)];
  out.push('');
  out.push(`runtime: ${kb(r.runtimeBytes)} (gzip ${kb(r.runtimeGzip)}), ${r.runtimeModules} module(s); target ~${kb(r.targets.runtimeBytes)}, budget ${kb(r.budgets.runtimeBytes)}`);
  out.push(`shells: target ~${kb(r.targets.shellBytes)}, budget ${kb(r.budgets.shellBytes)}${r.minified ? ' (minified)' : ''}`);
  out.push(r.overBudget.length ? `OVER BUDGET:\n${r.overBudget.map((l) => `  - ${l}`).join('\n')}` : 'within budget');
  return out.join('\n');
}
