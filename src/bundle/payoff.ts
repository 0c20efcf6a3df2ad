// Does federating a process pay? The planner compares, per process, the federated shell it
// would produce (built for real from the simulated sources) with the process's ORIGINAL
// monolith (built from the sources before any step). Raw bytes, unminified: the measure every
// budget uses (docs/bundle.md).
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { Workspace } from '../files/tree.ts';
import { buildBundleGraph } from './closure.ts';
import { emitMonolith, emitShell } from './emit.ts';
import { latin1ToUtf8 } from './luaFront.ts';

const rawBytes = (latin1: string): number => Buffer.byteLength(latin1ToUtf8(latin1), 'utf8');

/** Raw bytes of every process's monolith built from `ws` (name -> bytes). Throws BUNDLE-00x. */
export function monolithBytes(config: ProjectConfig, ws: Workspace): Map<string, number> {
  const graph = buildBundleGraph(config, ws);
  return new Map(graph.processes.map((p) => [p.name, rawBytes(emitMonolith(graph, p))]));
}

/** Raw bytes of the federated shell of `processName` built from `ws`. Throws BUNDLE-00x. */
export function shellBytes(config: ProjectConfig, ws: Workspace, processName: string): number {
  const graph = buildBundleGraph(config, ws);
  const proc = graph.processes.find((p) => p.name === processName);
  if (!proc) return 0;
  return rawBytes(emitShell(graph, proc, false));
}
