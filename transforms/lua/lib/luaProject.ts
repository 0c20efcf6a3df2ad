// What the Lua codemods need on top of the canonical front end (src/graph): the file set they
// edit, module paths they create, runtime/process locations, and path-keyed closures.
// Parsing, require sites, name <-> path resolution, built-ins and hashing are imported from
// src/graph and src/parse; only what has no canonical counterpart lives here.
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import type { Workspace } from '../../../src/stage/tree.ts';
import { normaliseRoot } from '../../../src/graph/luaFiles.ts';
import { buildRequireGraph } from '../../../src/graph/requireGraph.ts';

/**
 * Every Lua source the codemods edit. Unlike the graph's listLuaFiles this ignores
 * config.exclude on purpose: excluded tests still require the modules that move, so their
 * requires are rewritten too. Build output and node_modules are never edited.
 */
export function luaFiles(ws: Workspace, config: ProjectConfig): string[] {
  return ws
    .list(normaliseRoot(config.sourceRoot))
    .filter((p) => p.endsWith('.lua') && !p.startsWith(`${config.buildDir}/`) && !p.includes('/node_modules/'));
}

/** Where a new module named `name` is created (the first config pattern). */
export function pathForModule(config: ProjectConfig, name: string, pattern = config.patterns[0]!): string {
  const root = normaliseRoot(config.sourceRoot);
  const rel = pattern.replace('?', name.split('.').join('/'));
  return root ? `${root}/${rel}` : rel;
}

export const runtimePrefix = (config: ProjectConfig): string => `${config.runtime.namespace}.`;

/** true when `file` lies in the runtime folder. */
export const isRuntimePath = (config: ProjectConfig, file: string): boolean => file.startsWith(`${config.runtime.dir}/`);

/** The folder of a process (its entry's folder) and the require-name prefix of its modules. */
export function processHome(config: ProjectConfig, processName: string): { dir: string; prefix: string; entry: string } {
  const proc = config.processes.find((p) => p.name === processName);
  if (!proc) throw new Error(`unknown process ${processName}`);
  // An entry at the project root ('main.lua') has the root as its folder ('').
  const dir = proc.entry.includes('/') ? proc.entry.slice(0, proc.entry.lastIndexOf('/')) : '';
  const root = normaliseRoot(config.sourceRoot);
  const rel = root && dir.startsWith(`${root}/`) ? dir.slice(root.length + 1) : dir;
  return { dir, prefix: rel ? `${rel.split('/').join('.')}.` : '', entry: proc.entry };
}

/**
 * Per-process closures as file paths (entry first, then depth-first in require order), read
 * off the canonical buildRequireGraph. The planner and the moving transforms work by path and
 * order their steps by this discovery order (the graph lists modules dependencies-first), and
 * `canonical` folds a file reached through a symlinked folder onto its real path (the
 * planner's in-memory snapshot has no realPath for the graph to use).
 */
export function processClosures(ws: Workspace, config: ProjectConfig, canonical: (p: string) => string = (p) => p): Map<string, string[]> {
  const graph = buildRequireGraph(config, ws);
  const pathOf = (name: string): string => canonical(graph.modules.get(name)!.path);
  const closures = new Map<string, string[]>();
  for (const proc of config.processes) {
    const entryModule = graph.processes.find((p) => p.name === proc.name)?.entryModule;
    const seen = new Set<string>();
    const order: string[] = [];
    const stack = entryModule === undefined ? [] : [entryModule];
    while (stack.length) {
      const mod = stack.pop()!;
      const file = pathOf(mod);
      if (seen.has(file)) continue;
      seen.add(file);
      order.push(file);
      for (const dep of (graph.edges.get(mod) ?? []).slice().reverse()) stack.push(dep);
    }
    closures.set(proc.name, order);
  }
  return closures;
}
