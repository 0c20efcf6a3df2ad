// The project view the Lua codemods share: which files are Lua sources, module name <-> path
// (config patterns relative to sourceRoot), built-ins, and the per-process require closures.
// Parses are cached by content hash because the planner re-reads the tree after every step.
import { createHash } from 'node:crypto';
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import type { Workspace } from '../../../src/stage/tree.ts';
import { parseLua, type LuaParseResult } from './luaSource.ts';
import { findRequires, type RequireSite } from './requireSites.ts';

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

const parseCache = new Map<string, { parsed: LuaParseResult; sites: RequireSite[] }>();

/** Parsed file plus its require sites (cached by content). */
export function parseCached(bytes: Buffer, file: string): { parsed: LuaParseResult; sites: RequireSite[] } {
  const key = sha256(bytes);
  let hit = parseCache.get(key);
  if (!hit) {
    const parsed = parseLua(bytes, file);
    hit = { parsed, sites: parsed.ast ? findRequires(parsed.ast).sites : [] };
    if (parseCache.size > 5000) parseCache.clear();
    parseCache.set(key, hit);
  }
  return hit;
}

const globToRegExp = (glob: string): RegExp =>
  new RegExp(
    '^' +
      glob
        .split(/(\*\*\/|\*\*|\*)/)
        .map((part) =>
          part === '**/' ? '(?:.*/)?' : part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('') +
      '$',
  );

export function isExcluded(config: ProjectConfig, file: string): boolean {
  return config.exclude.some((g) => globToRegExp(g).test(file)) || file.startsWith(`${config.buildDir}/`);
}

/** Every Lua source of the project (tests included: their requires are rewritten too). */
export function luaFiles(ws: Workspace, config: ProjectConfig): string[] {
  return ws
    .list(config.sourceRoot)
    .filter((p) => p.endsWith('.lua') && !p.startsWith(`${config.buildDir}/`) && !p.includes('/node_modules/'));
}

export function isBuiltin(config: ProjectConfig, name: string): boolean {
  if (name.startsWith('.')) return true;
  return config.builtins.some((b) => (b.endsWith('*') ? name.startsWith(b.slice(0, -1)) : b === name));
}

export function pathForModule(config: ProjectConfig, name: string, pattern = config.patterns[0]!): string {
  return `${config.sourceRoot}/${pattern.replace('?', name.split('.').join('/'))}`;
}

export function resolveModule(config: ProjectConfig, ws: Workspace, name: string): string | undefined {
  for (const pattern of config.patterns) {
    const p = pathForModule(config, name, pattern);
    if (ws.exists(p)) return p;
  }
  return undefined;
}

export function moduleNameForPath(config: ProjectConfig, file: string): string | undefined {
  const prefix = `${config.sourceRoot}/`;
  if (!file.startsWith(prefix)) return undefined;
  const rel = file.slice(prefix.length);
  // The most specific pattern first: `a/init.lua` is module `a`, not `a.init`.
  const patterns = [...config.patterns].sort((x, y) => y.length - x.length);
  for (const pattern of patterns) {
    const [before, after] = pattern.split('?') as [string, string];
    if (rel.startsWith(before) && rel.endsWith(after) && rel.length > before.length + after.length) {
      const mid = rel.slice(before.length, rel.length - after.length);
      if (!mid.includes('.')) return mid.split('/').join('.');
    }
  }
  return undefined;
}

export const runtimePrefix = (config: ProjectConfig): string => `${config.runtime.namespace}.`;

/** true when `file` lies in the runtime folder. */
export const isRuntimePath = (config: ProjectConfig, file: string): boolean => file.startsWith(`${config.runtime.dir}/`);

/** The folder of a process (its entry's folder) and the require-name prefix of its modules. */
export function processHome(config: ProjectConfig, processName: string): { dir: string; prefix: string; entry: string } {
  const proc = config.processes.find((p) => p.name === processName);
  if (!proc) throw new Error(`unknown process ${processName}`);
  const dir = proc.entry.slice(0, proc.entry.lastIndexOf('/'));
  const rel = dir.startsWith(`${config.sourceRoot}/`) ? dir.slice(config.sourceRoot.length + 1) : dir;
  return { dir, prefix: `${rel.split('/').join('.')}.`, entry: proc.entry };
}

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
      for (const s of parseCached(bytes, file).sites) {
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
