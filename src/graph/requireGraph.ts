// The require graph of a project: every Lua source under sourceRoot parsed once, require
// names resolved through sourceRoot + patterns (aos built-ins skipped), per-process closures
// (dependencies first, entry last), which processes carry each module, cycles with their
// full path, and every problem found on the way (the graph never throws on bad input).
// A file reached by two paths (a symlinked folder) is one module: it is keyed by the name of
// its real path, and the other names are recorded as aliases.
import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { Workspace } from '../stage/tree.ts';
import type { LuaParseError } from '../parse/luaSource.ts';
import type { DynamicRequireSite, RequireSite } from './requireSites.ts';
import { isExcluded, listLuaFiles, luaFileFacts, normaliseRoot } from './luaFiles.ts';

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
  | 'parse-error'
  | 'unresolved-require'
  | 'dynamic-require'
  | 'cycle'
  | 'missing-entry'
  | 'non-utf8'
  | 'empty-file'
  | 'outside-project'
  | 'symlink-loop';

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
  builtins: string[];
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

/** 'ao-processes/battle/main.lua' -> 'battle.main' (most specific pattern first). */
export function moduleNameForPath(config: ProjectConfig, file: string): string | undefined {
  const patterns = [...config.patterns].sort((x, y) => y.length - x.length);
  // A dot inside a path segment cannot be expressed as a require name.
  const mid = patternMatches(config, file, patterns).find((m) => !m.includes('.'));
  return mid === undefined ? undefined : mid.split('/').join('.');
}

/** What `?` stands for in each pattern that matches `file` (in the order of `patterns`). */
export function patternMatches(config: ProjectConfig, file: string, patterns: readonly string[] = config.patterns): string[] {
  const root = normaliseRoot(config.sourceRoot);
  const prefix = root ? `${root}/` : '';
  if (!file.startsWith(prefix)) return [];
  const rel = file.slice(prefix.length);
  const out: string[] = [];
  for (const pattern of patterns) {
    const [before, after = ''] = pattern.split('?') as [string, string?];
    if (rel.startsWith(before) && rel.endsWith(after) && rel.length > before.length + after.length) out.push(rel.slice(before.length, rel.length - after.length));
  }
  return out;
}

/** Project-relative path of the file `require(name)` loads, via config.patterns. */
export function resolveModule(config: ProjectConfig, ws: Workspace, name: string): string | undefined {
  if (!name || name.startsWith('.') || name.endsWith('.') || name.includes('/') || name.includes('..')) return undefined;
  const root = normaliseRoot(config.sourceRoot);
  for (const pattern of config.patterns) {
    const p = path.posix.normalize(path.posix.join(root || '.', pattern.replace('?', name.split('.').join('/'))));
    if (!p.startsWith('../') && ws.exists(p)) return p;
  }
  return undefined;
}

const builtinCache = new WeakMap<ProjectConfig, (name: string) => boolean>();

/** aos built-ins: listed in config.builtins (`*` a wildcard), and any leading-dot name. */
export function isBuiltin(config: ProjectConfig, name: string): boolean {
  let match = builtinCache.get(config);
  if (!match) {
    const exact = new Set(config.builtins.filter((b) => !b.includes('*')));
    const wild = config.builtins
      .filter((b) => b.includes('*'))
      .map((b) => new RegExp(`^${b.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`));
    match = (n) => n.startsWith('.') || exact.has(n) || wild.some((r) => r.test(n));
    builtinCache.set(config, match);
  }
  return match(name);
}

type RealPathWs = Workspace & { realPath?(p: string): string | undefined };

export function buildRequireGraph(config: ProjectConfig, ws: Workspace): RequireGraph {
  const realOf = (p: string): string | undefined => {
    const fn = (ws as RealPathWs).realPath;
    return typeof fn === 'function' ? fn.call(ws, p) : p;
  };
  const problems: GraphProblem[] = [];
  // Folders that link back into their own ancestors: the workspace walk cuts them; say so.
  const loops = (ws as { symlinkLoops?: () => string[] }).symlinkLoops?.call(ws) ?? [];
  for (const loop of loops) {
    problems.push({ kind: 'symlink-loop', path: loop, line: 0, column: 0, message: `${loop} is a symlink loop (a folder linking to one of its ancestors): not followed` });
  }
  const modules = new Map<string, ModuleNode>();
  const byReal = new Map<string, string>(); // realPath -> canonical module name
  const aliases = new Map<string, string>();
  const entryPaths = new Set(config.processes.map((p) => p.entry));

  // Canonical name of a file: the name of its real path when that is a module path, else its own.
  const add = (file: string, nameHint?: string): string | undefined => {
    const real = realOf(file);
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
    const canonical = (real !== file && !real.startsWith('../') && moduleNameForPath(config, real)) || name;
    if (canonical !== name) aliases.set(name, canonical);
    const bytes = ws.read(file) ?? Buffer.alloc(0);
    const facts = luaFileFacts(bytes, file);
    const shownPath = real !== file && !real.startsWith('../') ? real : file;
    const e = facts.error;
    if (e) problems.push({ kind: 'parse-error', path: shownPath, line: e.line, column: e.column, message: e.message });
    if (bytes.length === 0) problems.push({ kind: 'empty-file', path: shownPath, line: 1, column: 1, message: 'empty file (it returns nothing)' });
    else if (!facts.utf8) problems.push({ kind: 'non-utf8', path: shownPath, line: 1, column: 1, message: 'not valid UTF-8 (kept byte for byte; aos loads it as bytes)' });
    for (const d of facts.dynamic) {
      problems.push({ kind: 'dynamic-require', path: shownPath, line: d.line, column: d.column, message: `require(${d.expression}): the name is not a literal, not followed` });
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

  // Edges, resolving each site once; unresolved names become problems.
  const edges = new Map<string, string[]>();
  const builtinUse = new Map<string, string[]>();
  const resolveName = (name: string): string | undefined => {
    if (modules.has(name)) return name;
    const alias = aliases.get(name);
    if (alias) return alias;
    const file = resolveModule(config, ws, name);
    if (!file) return undefined;
    // Resolved to a file outside the listed sources (e.g. excluded): still part of the graph.
    return add(file, isExcluded(config, file) ? name : undefined);
  };
  const edgesOf = (mod: string): string[] => {
    const have = edges.get(mod);
    if (have) return have;
    const node = modules.get(mod)!;
    const out: string[] = [];
    const builtins: string[] = [];
    edges.set(mod, out);
    for (const s of node.sites) {
      if (isBuiltin(config, s.name)) {
        builtins.push(s.name);
        continue;
      }
      const target = resolveName(s.name);
      if (target === undefined) {
        const loop = symlinkLoopAmong(ws, candidatePaths(config, s.name));
        if (loop) {
          problems.push({ kind: 'symlink-loop', path: node.path, line: s.line, column: s.column, message: `require("${s.name}"): ${loop} is a symlink loop or a dangling link` });
          continue;
        }
        const tried = config.patterns.map((pt) => path.posix.join(normaliseRoot(config.sourceRoot), pt.replace('?', s.name.split('.').join('/')))).join(', ');
        problems.push({
          kind: 'unresolved-require',
          path: node.path,
          line: s.line,
          column: s.column,
          message: `require("${s.name}") resolves to no file (tried ${tried})${s.guarded ? '; guarded by pcall' : ''}`,
        });
      } else if (!out.includes(target)) out.push(target);
    }
    builtinUse.set(mod, [...new Set(builtins)]);
    return out;
  };

  // Post-order DFS per process; a back edge is a cycle, recorded once with its full path.
  const cycles: string[][] = [];
  const cycleKeys = new Set<string>();
  const processes: ProcessClosure[] = [];
  const moduleProcesses = new Map<string, string[]>();
  for (const p of config.processes) {
    const entryModule = entryModules.get(p.name);
    if (!entryModule) continue;
    const order: string[] = [];
    const done = new Set<string>();
    const onStack: string[] = [];
    const visit = (mod: string): void => {
      onStack.push(mod);
      for (const dep of edgesOf(mod)) {
        const at = onStack.indexOf(dep);
        if (at !== -1) {
          const cyc = [...onStack.slice(at), dep];
          const key = canonicalCycleKey(cyc);
          if (!cycleKeys.has(key)) {
            cycleKeys.add(key);
            cycles.push(cyc);
            const node = modules.get(mod)!;
            const site = node.sites.find((s) => (aliases.get(s.name) ?? s.name) === dep);
            problems.push({ kind: 'cycle', path: node.path, line: site?.line ?? 0, column: site?.column ?? 0, message: `require cycle: ${cyc.join(' -> ')}` });
          }
          continue;
        }
        if (!done.has(dep)) visit(dep);
      }
      onStack.pop();
      done.add(mod);
      order.push(mod);
    };
    visit(entryModule);
    const builtins = [...new Set(order.flatMap((m) => builtinUse.get(m) ?? []))].sort();
    processes.push({ name: p.name, entry: p.entry, entryModule, modules: order, builtins });
    for (const m of order) {
      const list = moduleProcesses.get(m) ?? [];
      if (!list.includes(p.name)) list.push(p.name);
      moduleProcesses.set(m, list);
    }
  }
  // Unreached modules still get their edges (and unresolved-require problems) computed.
  for (const name of [...modules.keys()]) edgesOf(name);

  problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column || a.kind.localeCompare(b.kind));
  return { sourceRoot: config.sourceRoot, modules, processes, moduleProcesses, cycles, problems, aliases, edges };
}

function candidatePaths(config: ProjectConfig, name: string): string[] {
  const root = normaliseRoot(config.sourceRoot) || '.';
  return config.patterns.map((pt) => path.posix.normalize(path.posix.join(root, pt.replace('?', name.split('.').join('/')))));
}

/** On disk only: the first candidate that is a link going nowhere (ELOOP, or a dangling link). */
function symlinkLoopAmong(ws: Workspace, candidates: string[]): string | undefined {
  if (typeof (ws as RealPathWs).realPath !== 'function') return undefined;
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
