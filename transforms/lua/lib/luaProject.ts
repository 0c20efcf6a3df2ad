// What the Lua codemods need on top of the canonical front end (src/graph): the file set they
// edit, module paths they create, runtime/process locations, and a path-keyed closure view.
// Parsing, require sites, name <-> path resolution, built-ins and hashing are imported from
// src/graph and src/parse; only what has no canonical counterpart lives here.
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import type { Workspace } from '../../../src/stage/tree.ts';
import { luaFileFacts, normaliseRoot } from '../../../src/graph/luaFiles.ts';
import { isBuiltin, resolveModule } from '../../../src/graph/requireGraph.ts';

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
  const dir = proc.entry.slice(0, proc.entry.lastIndexOf('/'));
  const root = normaliseRoot(config.sourceRoot);
  const rel = root && dir.startsWith(`${root}/`) ? dir.slice(root.length + 1) : dir;
  return { dir, prefix: `${rel.split('/').join('.')}.`, entry: proc.entry };
}

/**
 * Path-keyed closures (entry first, depth-first discovery order) over the canonical require
 * sites. Kept beside buildRequireGraph because the planner orders its steps by this discovery
 * order and measures sizes by path after each simulated step, with `canonical` folding
 * symlinked copies onto one path; buildRequireGraph keys by module name, orders closures
 * dependencies-first and excludes nothing from reachability by path.
 */
export interface LuaGraph {
  /** process -> files in its closure (entry included), in discovery order. */
  closures: Map<string, string[]>;
  /** file -> resolved dependencies (paths). */
  deps: Map<string, string[]>;
  /** file -> names it requires that resolve nowhere (and are not built-ins). */
  unresolved: Map<string, string[]>;
}

export function buildLuaGraph(ws: Workspace, config: ProjectConfig, canonical: (p: string) => string = (p) => p): LuaGraph {
  const deps = new Map<string, string[]>();
  const unresolved = new Map<string, string[]>();
  const depsOf = (file: string): string[] => {
    const known = deps.get(file);
    if (known) return known;
    const bytes = ws.read(file);
    const out: string[] = [];
    const missing: string[] = [];
    if (bytes) {
      for (const s of luaFileFacts(bytes, file).sites) {
        if (isBuiltin(config, s.name)) continue;
        const target = resolveModule(config, ws, s.name);
        if (target) out.push(canonical(target));
        else missing.push(s.name);
      }
    }
    deps.set(file, [...new Set(out)]);
    if (missing.length) unresolved.set(file, missing);
    return deps.get(file)!;
  };
  const closures = new Map<string, string[]>();
  for (const proc of config.processes) {
    const seen = new Set<string>();
    const order: string[] = [];
    const stack = [canonical(proc.entry)];
    while (stack.length) {
      const f = stack.pop()!;
      if (seen.has(f) || !ws.exists(f)) continue;
      seen.add(f);
      order.push(f);
      for (const d of depsOf(f).slice().reverse()) stack.push(d);
    }
    closures.set(proc.name, order);
  }
  return { closures, deps, unresolved };
}
