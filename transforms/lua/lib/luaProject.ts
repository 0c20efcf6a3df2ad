// What the Lua codemods need on top of the canonical front end (src/graph): the file set they
// edit, module paths they create, runtime/process locations, and path-keyed closures.
// Parsing, require sites, name <-> path resolution, built-ins and hashing are imported from
// src/graph and src/parse; only what has no canonical counterpart lives here.
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import type { Workspace } from '../../../src/stage/tree.ts';
import { isBuiltin, patternMatches, resolveModule } from '../../../src/graph/requireGraph.ts';
import { isExcluded, luaFileFacts, normaliseRoot } from '../../../src/graph/luaFiles.ts';
import { RequireNameIndex, requireIndexOf } from '../../../src/graph/requireNameIndex.ts';

/**
 * Every Lua source the codemods edit: under sourceRoot and not matched by config.exclude (a
 * committed build, vendored code or a test suite stays byte-identical). Code outside this set
 * that requires a module that moves keeps working through a forwarding module at the old path
 * (lib/forwarders.ts).
 */
export function luaFiles(ws: Workspace, config: ProjectConfig): string[] {
  const under = ws.list(normaliseRoot(config.sourceRoot)).filter((p) => isEditedLua(config, p));
  // Entries outside the source root (a cron process next to src/) require the same modules.
  const outside = config.processes.map((p) => p.entry).filter((e) => !under.includes(e) && ws.exists(e) && isEditedLua(config, e));
  return outside.length ? [...new Set([...under, ...outside])].sort() : under;
}

/** A path luaFiles lists (under sourceRoot or a process entry; .lua; not excluded, not build output, not node_modules). */
export function isEditedLua(config: ProjectConfig, p: string): boolean {
  const root = normaliseRoot(config.sourceRoot);
  const inScope = !root || p.startsWith(`${root}/`) || config.processes.some((proc) => proc.entry === p);
  return inScope && p.endsWith('.lua') && !p.split('/').includes('node_modules') && !isExcluded(config, p);
}

/**
 * The files of luaFiles that may require one of `names`: exactly those, from the require index
 * when the workspace keeps one (the planner's base, the engine's session), else every file
 * (callers look at each file's requires anyway).
 */
export function luaFilesRequiring(ws: Workspace, config: ProjectConfig, names: Iterable<string>): string[] {
  const index = requireIndexOf(ws);
  return index ? index.filesRequiring(names).filter((p) => isEditedLua(config, p)) : luaFiles(ws, config);
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
 * Walks closures of processes over one workspace state: each file's require sites come from
 * the content-keyed facts cache and each name is resolved once per walker, so closures of
 * many processes cost the files they reach, not a graph of the whole project. A file reached
 * through a symlinked folder is folded onto its real path (`realPath` on disk, `canonical` for
 * the planner's in-memory snapshot), as the canonical graph (buildRequireGraph) does.
 */
export class ClosureWalker {
  private readonly resolved = new Map<string, string | null>();
  private readonly requires = new Map<string, string[]>();

  constructor(
    private readonly ws: Workspace,
    private readonly config: ProjectConfig,
    private readonly canonical: (p: string) => string = (p) => p,
  ) {}

  /** The path a file is known by: its real path when it lies inside the project. */
  private pathOf(file: string): string | undefined {
    const realPath = (this.ws as { realPath?: (p: string) => string | undefined }).realPath;
    const real = typeof realPath === 'function' ? realPath.call(this.ws, file) : file;
    if (real === undefined) return undefined; // a symlink loop or dangling link: the graph drops it
    return this.canonical(real !== file && !real.startsWith('../') ? real : file);
  }

  /** The file `require(name)` loads (folded like the closure's files), cached per walker. */
  resolve(name: string): string | undefined {
    let hit = this.resolved.get(name);
    if (hit === undefined) {
      const file = isBuiltin(this.config, name) ? undefined : resolveModule(this.config, this.ws, name);
      hit = (file !== undefined && this.pathOf(file)) || null;
      this.resolved.set(name, hit);
    }
    return hit ?? undefined;
  }

  /** Files `file` requires (resolved, unique, source order). */
  requiresOf(file: string): string[] {
    let out = this.requires.get(file);
    if (out) return out;
    out = [];
    const bytes = this.ws.read(file);
    if (bytes) {
      for (const site of luaFileFacts(bytes, file).sites) {
        const target = this.resolve(site.name);
        if (target !== undefined && !out.includes(target)) out.push(target);
      }
    }
    this.requires.set(file, out);
    return out;
  }

  /** Every require name (resolved or not) in the given files: what a new file could capture. */
  namesRequiredBy(files: string[]): Set<string> {
    const names = new Set<string>();
    for (const f of files) {
      const bytes = this.ws.read(f);
      if (bytes) for (const s of luaFileFacts(bytes, f).sites) names.add(s.name);
    }
    return names;
  }

  /** The path a process's closure starts at (undefined when its entry is missing). */
  entryOf(processName: string): string | undefined {
    const proc = this.config.processes.find((p) => p.name === processName);
    if (!proc || !this.ws.exists(proc.entry)) return undefined;
    return this.pathOf(proc.entry);
  }

  /** A process's closure: entry first, then depth-first in require order. */
  closureOf(processName: string): string[] {
    const entry = this.entryOf(processName);
    const seen = new Set<string>();
    const order: string[] = [];
    const stack = entry === undefined ? [] : [entry];
    while (stack.length) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      order.push(file);
      const deps = this.requiresOf(file);
      for (let i = deps.length - 1; i >= 0; i--) stack.push(deps[i]!);
    }
    return order;
  }
}

/**
 * Files of `files` that some process other than `processName` reaches, found backwards:
 * a file is reached by process Q exactly when Q's entry is among its requirers (transitively),
 * so one reverse-edge pass over the project replaces walking every other process's closure.
 */
export function reachedByOthers(ws: Workspace, config: ProjectConfig, processName: string, files: string[]): Set<string> {
  const walker = new ClosureWalker(ws, config);
  const otherEntries = new Set(config.processes.filter((p) => p.name !== processName).map((p) => walker.entryOf(p.name)));
  const requirersOf = typeof (ws as { realPath?: unknown }).realPath === 'function' ? resolvedRequirers(ws, config, walker) : namedRequirers(ws, config, walker);
  const out = new Set<string>();
  for (const f of files) {
    const up = new Set<string>([f]);
    const stack = [f];
    while (stack.length) {
      const cur = stack.pop()!;
      if (otherEntries.has(cur)) {
        out.add(f);
        break;
      }
      for (const r of requirersOf(cur)) if (!up.has(r)) up.add(r), stack.push(r);
    }
  }
  return out;
}

/**
 * Requirers by name: the files whose requires name a file (under any pattern) and resolve to
 * it. Only the names are indexed, so nothing is resolved that the search does not reach.
 * Exact when paths are their own real paths (a staged or in-memory tree).
 */
function namedRequirers(ws: Workspace, config: ProjectConfig, walker: ClosureWalker): (file: string) => string[] {
  let index = requireIndexOf(ws);
  const filesRequiring = (n: string): string[] => {
    if (!index) {
      const root = normaliseRoot(config.sourceRoot);
      const entries = new Set(config.processes.map((p) => p.entry));
      const isLua = (p: string) => p.endsWith('.lua') || entries.has(p);
      index = new RequireNameIndex([...ws.list(root).filter(isLua), ...entries], (p) => ws.read(p), isLua);
    }
    return index.filesRequiring([n]);
  };
  return (file) => requireNamesOf(config, file).flatMap((n) => (walker.resolve(n) === file ? filesRequiring(n) : []));
}

/** Requirers from every file's resolved requires (on disk, where symlinked folders fold paths). */
function resolvedRequirers(ws: Workspace, config: ProjectConfig, walker: ClosureWalker): (file: string) => string[] {
  const requirers = new Map<string, string[]>();
  const seen = new Set<string>();
  const todo = [...luaFiles(ws, config), ...config.processes.map((p) => p.entry).filter((e) => ws.exists(e))];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const dep of walker.requiresOf(file)) {
      const list = requirers.get(dep);
      if (list) list.push(file);
      else requirers.set(dep, [file]);
      if (!seen.has(dep)) todo.push(dep);
    }
  }
  return (file) => requirers.get(file) ?? [];
}

/** Every name `require` could load `file` by, one per config pattern that matches it. */
export function requireNamesOf(config: ProjectConfig, file: string): string[] {
  return patternMatches(config, file).map((mid) => mid.split('/').join('.'));
}

/** Per-process closures as file paths (entry first, then depth-first in require order). */
export function processClosures(ws: Workspace, config: ProjectConfig, canonical: (p: string) => string = (p) => p): Map<string, string[]> {
  const walker = new ClosureWalker(ws, config, canonical);
  return new Map(config.processes.map((p) => [p.name, walker.closureOf(p.name)]));
}

/** One process's closure (the others are not walked). */
export function processClosure(ws: Workspace, config: ProjectConfig, processName: string): string[] {
  return new ClosureWalker(ws, config).closureOf(processName);
}
