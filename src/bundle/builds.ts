// Turns a bundling graph into the files of one build mode (shared by buildProject and size).
import type { BundleGraph } from './closure.ts';
import type { MigrateError } from '../errors.ts';
import { emitMonolith, emitRegistry, emitRuntime, emitShell } from './emit.ts';
import { latin1ToUtf8 } from './luaFront.ts';
import { minifyLua } from './minify.ts';

export type BuildMode = 'monolith' | 'federated' | 'hybrid';
export const BUILD_MODES: readonly BuildMode[] = ['monolith', 'federated', 'hybrid'];

export type BuildFileKind = 'monolith' | 'runtime' | 'shell' | 'hybrid-shell' | 'registry';

export interface BuildFile {
  /** Relative to the build folder, e.g. 'monolith/battle.lua', 'federated/runtime.lua'. */
  path: string;
  /** The Lua text as delivered (Eval Data / On-Boot data / `.load`). */
  content: string;
  kind: BuildFileKind;
  process?: string;
  /** Modules inside this file, in load order. */
  modules: string[];
  /** A process left unfederated: its monolith, delivered in this mode too; it boots alone (no runtime.lua). */
  standalone?: true;
}

export interface BuildResult {
  mode: BuildMode;
  files: BuildFile[];
  /** With `partial`: the processes left out, each with its BUNDLE-002 (file:line:col of the require). */
  blocked?: { process: string; error: MigrateError }[];
}

export interface BuildOptions {
  minify?: boolean;
  /** Build every process that resolves and list the others in BuildResult.blocked (default: BUNDLE-002 for the first). */
  partial?: boolean;
}

export function finish(text: string, file: string, opts: BuildOptions): string {
  return latin1ToUtf8(opts.minify ? minifyLua(text, file) : text);
}

export function buildFromGraph(graph: BundleGraph, mode: BuildMode, opts: BuildOptions = {}): BuildFile[] {
  const files: BuildFile[] = [];
  // Hybrid ships the same runtime too: deployed with it, the shells use the runtime copies and
  // keep their fallbacks for modules the runtime lacks (or serves in an unsatisfying version).
  if (mode !== 'monolith') {
    const p = `${mode}/runtime.lua`;
    files.push({ path: p, content: finish(emitRuntime(graph, opts), p, opts), kind: 'runtime', modules: graph.runtimeModules });
  }
  if (mode === 'federated') {
    if (graph.runtimeModules.length) {
      const r = 'federated/registry.lua';
      files.push({ path: r, content: finish(emitRegistry(graph), r, opts), kind: 'registry', modules: graph.runtimeModules });
    }
  }
  for (const proc of graph.processes) {
    if (proc.blocked) continue; // a partial graph: the caller reports it
    const p = `${mode}/${proc.name}.lua`;
    if (mode === 'monolith') {
      files.push({ path: p, content: finish(emitMonolith(graph, proc), p, opts), kind: 'monolith', process: proc.name, modules: proc.closure });
    } else if (!proc.usesFederation) {
      // A process left unfederated (its shell would not be smaller: see the planner's
      // federate-when-it-pays rule) is delivered as it is, its monolith, in every mode (kind
      // stays the mode's shell kind: verify and deploy pick a process's file by kind).
      const kind = mode === 'hybrid' ? 'hybrid-shell' : 'shell';
      files.push({ path: p, content: finish(emitMonolith(graph, proc), p, opts), kind, process: proc.name, modules: proc.closure, standalone: true });
    } else {
      const hybrid = mode === 'hybrid';
      const modules = hybrid ? [...proc.runtimeModules, ...proc.processModules] : proc.processModules;
      files.push({ path: p, content: finish(emitShell(graph, proc, hybrid), p, opts), kind: hybrid ? 'hybrid-shell' : 'shell', process: proc.name, modules });
    }
  }
  return files;
}
