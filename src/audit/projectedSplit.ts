// Bundle-size analysis from the require graph: what each everything-bundle carries (modules,
// bytes, lines, functions; shared vs specific bytes) and what the shared-runtime split would
// yield: runtime = modules used by >= runtime.shareThreshold processes, each shell = the rest
// of its closure, reduction = 1 - (runtime + shells) / (sum of everything-bundles).
// Raw source bytes: the bundler's `migrate size` measures real bundle bytes with wrappers.
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { RequireGraph, UnresolvedRequire } from '../graph/requireGraph.ts';

export interface ProcessSize {
  name: string;
  entry: string;
  modules: string[];
  bundleBytes: number;
  lines: number;
  functions: number;
  sharedBytes: number;
  specificBytes: number;
  sharedModules: string[];
  specificModules: string[];
  /** The shell's bytes after the split (the specific part) and its reduction vs the bundle. */
  shellBytes: number;
  shellReductionPct: number;
  /** config.externals the closure requires (only when there are some). */
  externals?: string[];
  /** Requires of the closure that resolve to nothing, not pcall-guarded (only when there are some): the process cannot be bundled. */
  unresolved?: UnresolvedRequire[];
}

export interface SplitProjection {
  shareThreshold: number;
  runtimeModules: string[];
  runtimeBytes: number;
  shellBytes: Record<string, number>;
  monolithTotalBytes: number;
  federatedTotalBytes: number;
  reductionPct: number;
  budgets: { runtimeBytes: number; shellBytes: number; runtimeOver: boolean; shellsOver: string[] };
}

const pct = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((1 - part / whole) * 1000) / 10);

export function analyseBundleSizes(config: ProjectConfig, graph: RequireGraph): { processes: ProcessSize[]; split: SplitProjection } {
  const threshold = config.runtime.shareThreshold;
  const isShared = (m: string): boolean => (graph.moduleProcesses.get(m)?.length ?? 0) >= threshold && !graph.modules.get(m)?.isEntry;
  const bytesOf = (m: string): number => graph.modules.get(m)?.bytes ?? 0;
  const processes: ProcessSize[] = graph.processes.map((p) => {
    const sharedModules = p.modules.filter(isShared);
    const specificModules = p.modules.filter((m) => !isShared(m));
    const bundleBytes = p.modules.reduce((s, m) => s + bytesOf(m), 0);
    const sharedBytes = sharedModules.reduce((s, m) => s + bytesOf(m), 0);
    const specificBytes = bundleBytes - sharedBytes;
    return {
      name: p.name,
      entry: p.entry,
      modules: p.modules,
      bundleBytes,
      lines: p.modules.reduce((s, m) => s + (graph.modules.get(m)?.lines ?? 0), 0),
      functions: p.modules.reduce((s, m) => s + (graph.modules.get(m)?.functions ?? 0), 0),
      sharedBytes,
      specificBytes,
      sharedModules,
      specificModules,
      shellBytes: specificBytes,
      shellReductionPct: pct(specificBytes, bundleBytes),
      ...(p.externals.length ? { externals: p.externals } : {}),
      ...(p.unresolved.length ? { unresolved: p.unresolved } : {}),
    };
  });
  const runtimeModules = [...new Set(processes.flatMap((p) => p.sharedModules))].sort();
  const runtimeBytes = runtimeModules.reduce((s, m) => s + bytesOf(m), 0);
  const monolithTotalBytes = processes.reduce((s, p) => s + p.bundleBytes, 0);
  const federatedTotalBytes = runtimeBytes + processes.reduce((s, p) => s + p.shellBytes, 0);
  return {
    processes,
    split: {
      shareThreshold: threshold,
      runtimeModules,
      runtimeBytes,
      shellBytes: Object.fromEntries(processes.map((p) => [p.name, p.shellBytes])),
      monolithTotalBytes,
      federatedTotalBytes,
      reductionPct: pct(federatedTotalBytes, monolithTotalBytes),
      budgets: {
        runtimeBytes: config.budgets.runtimeBytes,
        shellBytes: config.budgets.shellBytes,
        runtimeOver: runtimeBytes > config.budgets.runtimeBytes,
        shellsOver: processes.filter((p) => p.shellBytes > config.budgets.shellBytes).map((p) => p.name),
      },
    },
  };
}
