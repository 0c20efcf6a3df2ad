// What the Lua codemods need on top of the canonical front end (src/graph): the file set they
// edit, module paths they create, runtime/process locations, and path-keyed closures walked by
// src/graph/closure.ts's ClosureWalker. Parsing, require sites, name <-> path resolution,
// built-ins and hashing are imported from src/graph and src/parse.
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import type { Workspace } from '../../../src/files/tree.ts';
import { patternMatches } from '../../../src/graph/resolveRequire.ts';
import { isExcluded, normaliseRoot, sourceRoots } from '../../../src/graph/luaFiles.ts';
import { RequireNameIndex, requireIndexOf } from '../../../src/graph/requireNameIndex.ts';
import { ClosureWalker, realPathOf } from '../../../src/graph/closure.ts';

// The walker moved to src/graph/closure.ts (one walker for the graph, the bundler and the codemods).
export { ClosureWalker } from '../../../src/graph/closure.ts';

/**
 * Every Lua source the codemods edit: under sourceRoot and not matched by config.exclude (a
 * committed build, vendored code or a test suite stays byte-identical). Code outside this set
 * that requires a module that moves keeps working through a forwarding module at the old path
 * (lib/forwarders.ts).
 */
export function luaFiles(ws: Workspace, config: ProjectConfig): string[] {
  const roots = sourceRoots(config);
  const under = roots.flatMap((root) => ws.list(root).filter((p) => isEditedLua(config, p, roots)));
  // Entries outside the source roots (a cron process next to src/) require the same modules.
  const outside = config.processes.map((p) => p.entry).filter((e) => !under.includes(e) && ws.exists(e) && isEditedLua(config, e, roots));
  const files = roots.length === 1 && !outside.length ? under : [...new Set([...under, ...outside])].sort();
  return onePathPerFile(ws, files);
}

/**
 * A file reached through a symlinked folder is listed once: by its real path when that is
 * listed too, else by its first path (a codemod must not edit one file under two names).
 */
function onePathPerFile(ws: Workspace, files: string[]): string[] {
  const hasSymlinks = (ws as { hasSymlinks?: () => boolean }).hasSymlinks;
  if (typeof hasSymlinks !== 'function' || !hasSymlinks.call(ws)) return files;
  const listed = new Set(files);
  const seen = new Set<string>();
  return files.filter((p) => {
    const real = realPathOf(ws, p) ?? p;
    if ((real !== p && listed.has(real)) || seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

/**
 * A path luaFiles lists: under a source root or a process entry; .lua; not excluded, not the
 * toolkit's build output, not node_modules.
 */
export function isEditedLua(config: ProjectConfig, p: string, roots: string[] = sourceRoots(config)): boolean {
  const inScope = roots.some((root) => !root || p.startsWith(`${root}/`)) || config.processes.some((proc) => proc.entry === p);
  return inScope && p.endsWith('.lua') && !p.startsWith(`${config.buildDir}/`) && !p.split('/').includes('node_modules') && !isExcluded(config, p);
}

/**
 * The files of luaFiles that may require one of `names`: exactly those, from the require index
 * when the workspace keeps one (the planner's base, the engine's session), else every file
 * (callers look at each file's requires anyway).
 */
export function luaFilesRequiring(ws: Workspace, config: ProjectConfig, names: Iterable<string>): string[] {
  const index = requireIndexOf(ws);
  if (!index) return luaFiles(ws, config);
  const roots = sourceRoots(config);
  return index.filesRequiring(names).filter((p) => isEditedLua(config, p, roots));
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
 * Files of `files` that some process other than `processName` reaches, found backwards:
 * a file is reached by process Q exactly when Q's entry is among its requirers (transitively),
 * so one reverse-edge pass over the project replaces walking every other process's closure.
 */
export function reachedByOthers(ws: Workspace, config: ProjectConfig, processName: string, files: string[]): Set<string> {
  const walker = new ClosureWalker(ws, config);
  const otherEntries = new Set(config.processes.filter((p) => p.name !== processName).map((p) => walker.entryOf(p.name)));
  const requirersOf =
    typeof (ws as { realPath?: unknown }).realPath === 'function' ? resolvedRequirers(ws, config, walker) : namedRequirers(ws, config, walker);
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
      for (const r of requirersOf(cur))
        if (!up.has(r)) {
          up.add(r);
          stack.push(r);
        }
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
