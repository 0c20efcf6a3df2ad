// The require graph of a project: every Lua source under the source roots parsed once, each
// require classified by the one resolver (resolveRequire.ts: stdlib, aos builtin, external,
// project file, unresolved) in the requiring process's context, per-process closures
// (dependencies first, entry last; ClosureWalker), which processes carry each module, cycles
// with their full path, and every problem found on the way (the graph never throws on bad input).
// A file reached by two paths (a symlinked folder) is one module: it is keyed by the name of
// its real path, and the other names are recorded as aliases.
import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { Workspace } from '../files/tree.ts';
import type { LuaParseError } from '../parse/luaSource.ts';
import type { DynamicRequireSite, RequireSite } from './requireSites.ts';
import { isExcluded, listLuaFiles, luaFileFacts } from './luaFiles.ts';
import { ClosureWalker, dependenciesFirst, realPathOf } from './closure.ts';
import { candidatePaths, contextForFile, contextKey, moduleNameForPath, processContext, type ResolveContext } from './resolveRequire.ts';

// Names the graph exported before resolution moved to resolveRequire.ts: kept for code written
// against the old place (branches in flight); new code imports resolveRequire.ts.
export { isBuiltin, moduleNameForPath, patternMatches, resolveModule } from './resolveRequire.ts';

export interface ModuleNode {
  name: string;
  path: string;
  realPath: string;
  bytes: number;
  lines: number;
  functions: number;
  sites: RequireSite[];
  dynamic: DynamicRequireSite[];
  parseError?: LuaParseError;
  isEntry: boolean;
}

export type GraphProblemKind =
  'parse-error' | 'unresolved-require' | 'dynamic-require' | 'cycle' | 'missing-entry' | 'non-utf8' | 'empty-file' | 'outside-project' | 'symlink-loop';

export interface GraphProblem {
  kind: GraphProblemKind;
  path: string;
  line: number;
  column: number;
  message: string;
}

export interface ProcessClosure {
  name: string;
  entry: string;
  entryModule: string;
  /** Names reachable from the entry incl. the entry, dependencies first, entry last. */
  modules: string[];
  /** aos builtins the closure requires (standard libraries not listed), sorted. */
  builtins: string[];
  /** config.externals the closure requires, sorted. */
  externals: string[];
  /** Requires of the closure that resolve to nothing (not pcall-guarded): the process cannot be bundled. */
  unresolved: UnresolvedRequire[];
}

export interface UnresolvedRequire {
  name: string;
  path: string;
  line: number;
  column: number;
}

export interface RequireGraph {
  sourceRoot: string;
  modules: Map<string, ModuleNode>;
  processes: ProcessClosure[];
  moduleProcesses: Map<string, string[]>;
  cycles: string[][];
  problems: GraphProblem[];
  /** Other require names of a module reached through a second path (symlink) -> canonical name. */
  aliases: Map<string, string>;
  /** Resolved edges: module -> required module names (canonical, unique, source order). */
  edges: Map<string, string[]>;
}

export function buildRequireGraph(config: ProjectConfig, ws: Workspace): RequireGraph {
  const walker = new ClosureWalker(ws, config);
  const problems: GraphProblem[] = [];
  // Folders that link back into their own ancestors: the workspace walk cuts them; say so.
  const loops = (ws as { symlinkLoops?: () => string[] }).symlinkLoops?.call(ws) ?? [];
  for (const loop of loops) {
    problems.push({
      kind: 'symlink-loop',
      path: loop,
      line: 0,
      column: 0,
      message: `${loop} is a symlink loop (a folder linking to one of its ancestors): not followed`,
    });
  }
  const modules = new Map<string, ModuleNode>();
  const byReal = new Map<string, string>(); // realPath -> canonical module name
  const aliases = new Map<string, string>();
  const entryPaths = new Set(config.processes.map((p) => p.entry));

  // Canonical name of a file: the name of its real path when that is a module path, else its own.
  const add = (file: string, nameHint?: string): string | undefined => {
    const real = realPathOf(ws, file);
    if (real === undefined) {
      problems.push({ kind: 'symlink-loop', path: file, line: 0, column: 0, message: `${file} cannot be resolved (a symlink loop or a dangling link)` });
      return undefined;
    }
    const known = byReal.get(real);
    const name = nameHint ?? moduleNameForPath(config, file) ?? file;
    if (known) {
      if (name !== known) aliases.set(name, known);
      if (entryPaths.has(file)) modules.get(known)!.isEntry = true;
      return known;
    }
    if (real.startsWith('../')) {
      problems.push({ kind: 'outside-project', path: file, line: 0, column: 0, message: `${file} is a link to ${real}, outside the project` });
    }
    let canonical = (real !== file && !real.startsWith('../') && moduleNameForPath(config, real)) || name;
    // Two files spelled alike from different roots (a monorepo's packages): the later one is keyed by its path.
    if (modules.has(canonical) && modules.get(canonical)!.realPath !== real) canonical = real.startsWith('../') ? file : real;
    if (canonical !== name) aliases.set(name, canonical);
    const bytes = ws.read(file) ?? Buffer.alloc(0);
    const facts = luaFileFacts(bytes, file);
    const shownPath = real !== file && !real.startsWith('../') ? real : file;
    const e = facts.error;
    if (e) problems.push({ kind: 'parse-error', path: shownPath, line: e.line, column: e.column, message: e.message });
    if (bytes.length === 0) problems.push({ kind: 'empty-file', path: shownPath, line: 1, column: 1, message: 'empty file (it returns nothing)' });
    else if (!facts.utf8)
      problems.push({ kind: 'non-utf8', path: shownPath, line: 1, column: 1, message: 'not valid UTF-8 (kept byte for byte; aos loads it as bytes)' });
    for (const d of facts.dynamic) {
      problems.push({
        kind: 'dynamic-require',
        path: shownPath,
        line: d.line,
        column: d.column,
        message: `require(${d.expression}): the name is not a literal, not followed`,
      });
    }
    modules.set(canonical, {
      name: canonical,
      path: shownPath,
      realPath: real,
      bytes: bytes.length,
      lines: facts.lines,
      functions: facts.functions,
      sites: facts.sites,
      dynamic: facts.dynamic,
      ...(e ? { parseError: e } : {}),
      isEntry: entryPaths.has(file),
    });
    byReal.set(real, canonical);
    return canonical;
  };

  for (const file of listLuaFiles(config, ws)) add(file);

  const entryModules = new Map<string, string>();
  for (const p of config.processes) {
    if (!ws.exists(p.entry)) {
      problems.push({ kind: 'missing-entry', path: p.entry, line: 0, column: 0, message: `entry of process '${p.name}' not found: ${p.entry}` });
      continue;
    }
    const name = add(p.entry);
    if (name) entryModules.set(p.name, name);
  }

  // Edges per (context, module), each site resolved once; unresolved names become problems.
  interface ModuleEdges {
    deps: string[];
    builtins: string[];
    externals: string[];
    unresolved: UnresolvedRequire[];
  }
  const edgeCache = new Map<string, ModuleEdges>();
  const edges = new Map<string, string[]>();
  const reported = new Set<string>();
  const report = (problem: GraphProblem): void => {
    const key = `${problem.path}\0${problem.line}\0${problem.column}\0${problem.kind}`;
    if (!reported.has(key)) {
      reported.add(key);
      problems.push(problem);
    }
  };
  const edgesOf = (mod: string, ctx: ResolveContext): ModuleEdges => {
    const cacheKey = `${contextKey(ctx)}\0\0${mod}`;
    const have = edgeCache.get(cacheKey);
    if (have) return have;
    const node = modules.get(mod)!;
    const out: ModuleEdges = { deps: [], builtins: [], externals: [], unresolved: [] };
    edgeCache.set(cacheKey, out);
    const published = edges.get(mod) ?? [];
    edges.set(mod, published);
    for (const { site: s, resolution: r } of walker.sitesOf(node.path, ctx)) {
      if (r.kind === 'stdlib') continue;
      if (r.kind === 'builtin' || r.kind === 'external') {
        (r.kind === 'builtin' ? out.builtins : out.externals).push(s.name);
        continue;
      }
      const target = r.kind === 'project' ? add(r.path!, isExcluded(config, r.path!) ? s.name : undefined) : undefined;
      if (target !== undefined) {
        // `.x.y` spells the module `x.y` (Lua drops the leading dot through `./?.lua`): another name of it.
        if (s.name.startsWith('.') && s.name.slice(1) === target) aliases.set(s.name, target);
        if (!out.deps.includes(target)) out.deps.push(target);
        if (!published.includes(target)) published.push(target);
        continue;
      }
      if (r.kind === 'project') continue; // a link going nowhere: reported by add
      const loop = symlinkLoopAmong(ws, candidatePaths(config, s.name, ctx));
      if (loop) {
        report({
          kind: 'symlink-loop',
          path: node.path,
          line: s.line,
          column: s.column,
          message: `require("${s.name}"): ${loop} is a symlink loop or a dangling link`,
        });
        continue;
      }
      if (!s.guarded) out.unresolved.push({ name: s.name, path: node.path, line: s.line, column: s.column });
      report({
        kind: 'unresolved-require',
        path: node.path,
        line: s.line,
        column: s.column,
        message: `require("${s.name}") resolves to no file (tried ${(r.tried ?? []).join(', ')})${s.guarded ? '; guarded by pcall' : ''}`,
      });
    }
    return out;
  };

  // Post-order DFS per process in its own context; a back edge is a cycle, recorded once with its full path.
  const cycles: string[][] = [];
  const cycleKeys = new Set<string>();
  const processes: ProcessClosure[] = [];
  const moduleProcesses = new Map<string, string[]>();
  for (const p of config.processes) {
    const entryModule = entryModules.get(p.name);
    if (!entryModule) continue;
    const ctx = processContext(config, p.name);
    const order = dependenciesFirst(
      entryModule,
      (mod) => edgesOf(mod, ctx).deps,
      (stack, dep) => {
        const cyc = [...stack.slice(stack.indexOf(dep)), dep];
        const key = canonicalCycleKey(cyc);
        if (cycleKeys.has(key)) return;
        cycleKeys.add(key);
        cycles.push(cyc);
        const mod = stack[stack.length - 1]!;
        const node = modules.get(mod)!;
        const site = walker.sitesOf(node.path, ctx).find((s) => s.target !== undefined && byReal.get(s.target) === dep)?.site;
        problems.push({ kind: 'cycle', path: node.path, line: site?.line ?? 0, column: site?.column ?? 0, message: `require cycle: ${cyc.join(' -> ')}` });
      },
    );
    const all = order.map((m) => edgesOf(m, ctx));
    const builtins = [...new Set(all.flatMap((e) => e.builtins))].sort();
    const externals = [...new Set(all.flatMap((e) => e.externals))].sort();
    const unresolved = all.flatMap((e) => e.unresolved);
    processes.push({ name: p.name, entry: p.entry, entryModule, modules: order, builtins, externals, unresolved });
    for (const m of order) {
      const list = moduleProcesses.get(m) ?? [];
      if (!list.includes(p.name)) list.push(p.name);
      moduleProcesses.set(m, list);
    }
  }
  // Unreached modules still get their edges (and unresolved-require problems) computed, in their own file's context.
  for (const [name, node] of [...modules]) edgesOf(name, contextForFile(config, node.path));

  problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column || a.kind.localeCompare(b.kind));
  return { sourceRoot: config.sourceRoot, modules, processes, moduleProcesses, cycles, problems, aliases, edges };
}

/** On disk only: the first candidate that is a link going nowhere (ELOOP, or a dangling link). */
function symlinkLoopAmong(ws: Workspace, candidates: string[]): string | undefined {
  if (typeof (ws as { realPath?: unknown }).realPath !== 'function') return undefined;
  for (const rel of candidates) {
    const abs = path.join(ws.root, rel);
    try {
      if (!lstatSync(abs).isSymbolicLink()) continue;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ELOOP') return rel;
      continue;
    }
    try {
      statSync(abs);
    } catch {
      return rel;
    }
  }
  return undefined;
}

/** A cycle a -> b -> c -> a is the same as b -> c -> a -> b: key it by its smallest rotation. */
function canonicalCycleKey(cycle: string[]): string {
  const ring = cycle.slice(0, -1);
  let best = ring;
  for (let i = 1; i < ring.length; i++) {
    const rot = [...ring.slice(i), ...ring.slice(0, i)];
    if (rot.join('\0') < best.join('\0')) best = rot;
  }
  return best.join('\0');
}
