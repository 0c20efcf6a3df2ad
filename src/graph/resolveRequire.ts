// The one answer to "what does require(name) load?" for the whole toolkit (audit graph,
// bundler, codemods, init). A name is, in this order:
//   stdlib    a Lua standard library (`string`, `coroutine`, ...): never unresolved;
//   builtin   loaded by aos at boot (`ao`, `json`, `.utils`, ...; src/graph/aosBuiltins.ts) or
//             listed in config.builtins;
//   project   a name config.packages maps to a file (APM packages `@vendor/name` the repository
//             holds), whatever the patterns or externals say;
//   external  listed in config.externals (luarocks modules, `lsqlite3`): never resolved;
//   project   a file under the resolving root: config.runtime.dir for `<namespace>.x`, else the
//             requiring process's sourceRoot + patterns (a leading dot is dropped, as Lua's
//             `./?.lua` does, so `.utils.handlers` can be a project module);
//   builtin   embedded in the aos wasm but loaded on first use (`.bint`, `.crypto.*`): a
//             project's file of the same name comes first, as its preload would;
//   unresolved  none of these (with the paths that were tried).
import path from 'node:path';
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { Workspace } from '../files/tree.ts';
import { AOS_BUILTINS, DEFAULT_AOS_WASM } from './aosBuiltins.ts';
import { normaliseRoot } from './luaFiles.ts';

export type RequireKind = 'stdlib' | 'builtin' | 'external' | 'project' | 'unresolved';

export interface Resolution {
  kind: RequireKind;
  /** Project-relative path of the file (kind 'project'). */
  path?: string;
  /** Paths looked at (kind 'unresolved'). */
  tried?: string[];
}

/** Where names resolve from: one source root and its package.path-style patterns. */
export interface ResolveContext {
  /** Normalised root ('' for the project root). */
  readonly root: string;
  readonly patterns: readonly string[];
}

/** Lua 5.3's standard libraries (and what aos's Lua also preloads: bit32, _G). */
export const LUA_STDLIB: readonly string[] = ['_G', 'bit32', 'coroutine', 'debug', 'io', 'math', 'os', 'package', 'string', 'table', 'utf8'];

/** The top-level context (config.sourceRoot + config.patterns). */
export function topContext(config: ProjectConfig): ResolveContext {
  return { root: normaliseRoot(config.sourceRoot), patterns: config.patterns };
}

/** The context of a process: its own sourceRoot/patterns, each defaulting to the top-level one. */
export function processContext(config: ProjectConfig, processName: string): ResolveContext {
  const p = config.processes.find((x) => x.name === processName);
  return { root: normaliseRoot(p?.sourceRoot ?? config.sourceRoot), patterns: p?.patterns ?? config.patterns };
}

/**
 * The context a file's requires resolve in when no process is asking (a module no process
 * reaches): the deepest process sourceRoot holding the file, else the top-level one.
 */
export function contextForFile(config: ProjectConfig, file: string): ResolveContext {
  let best: ResolveContext | undefined;
  for (const p of config.processes) {
    if (!p.sourceRoot) continue;
    const ctx = processContext(config, p.name);
    if ((ctx.root === '' || file.startsWith(`${ctx.root}/`)) && (!best || ctx.root.length > best.root.length)) best = ctx;
  }
  return best ?? topContext(config);
}

export const contextKey = (ctx: ResolveContext): string => `${ctx.root}\0${ctx.patterns.join('\0')}`;

/** The paths `require(name)` may load in `ctx`, in pattern order (none for a name no path can spell). */
export function candidatePaths(config: ProjectConfig, name: string, ctx: ResolveContext = topContext(config)): string[] {
  if (!name || name.endsWith('.') || name.includes('/') || name.includes('..') || name.startsWith('..')) return [];
  const ns = `${config.runtime.namespace}.`;
  const out: string[] = [];
  const spell = (root: string, rest: string, patterns: readonly string[]): void => {
    for (const pattern of patterns) {
      const p = path.posix.normalize(path.posix.join(root || '.', pattern.replace('?', rest.split('.').join('/'))));
      if (!p.startsWith('../') && p !== '..' && !out.includes(p)) out.push(p);
    }
  };
  // Runtime modules live under runtime.dir whatever the requiring process's root is.
  if (name.startsWith(ns) && name.length > ns.length) spell(normaliseRoot(config.runtime.dir), name.slice(ns.length), config.patterns);
  spell(ctx.root, name.startsWith('.') ? name.slice(1) : name, ctx.patterns);
  return out;
}

/** Project-relative path of the file `require(name)` loads in `ctx` (default: the top-level root). */
export function resolveModule(config: ProjectConfig, ws: Workspace, name: string, ctx?: ResolveContext): string | undefined {
  return candidatePaths(config, name, ctx).find((p) => ws.exists(p));
}

/** A list of names with `*` wildcards as a predicate. */
function nameMatcher(names: readonly string[]): (name: string) => boolean {
  const exact = new Set(names.filter((b) => !b.includes('*')));
  const wild = names
    .filter((b) => b.includes('*'))
    .map(
      (b) =>
        new RegExp(
          `^${b
            .split('*')
            .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
        ),
    );
  return wild.length === 0 ? (n) => exact.has(n) : (n) => exact.has(n) || wild.some((r) => r.test(n));
}

interface Matchers {
  stdlib: (n: string) => boolean;
  loaded: (n: string) => boolean;
  embedded: (n: string) => boolean;
  configured: (n: string) => boolean;
  external: (n: string) => boolean;
}

// Compiled name lists per config object. A config is parsed once per command and never
// mutated, so this derived data cannot go stale; the WeakMap lets it die with the config.
const matcherCache = new WeakMap<ProjectConfig, Matchers>();

function matchers(config: ProjectConfig): Matchers {
  let m = matcherCache.get(config);
  if (!m) {
    const aos = AOS_BUILTINS[DEFAULT_AOS_WASM]!;
    m = {
      stdlib: nameMatcher(LUA_STDLIB),
      loaded: nameMatcher(aos.loaded),
      embedded: nameMatcher(aos.embedded),
      configured: nameMatcher(config.builtins),
      external: nameMatcher(config.externals ?? []),
    };
    matcherCache.set(config, m);
  }
  return m;
}

export const isStdlib = (config: ProjectConfig, name: string): boolean => matchers(config).stdlib(name);
export const isExternal = (config: ProjectConfig, name: string): boolean => matchers(config).external(name);

/**
 * A name aos answers whatever the project holds: a standard library, a module loaded at
 * boot, or one listed in config.builtins. (Embedded modules like `.bint` are builtins only when
 * no project file has the name: ask classifyRequire.)
 */
export function isBuiltin(config: ProjectConfig, name: string): boolean {
  const m = matchers(config);
  return m.stdlib(name) || m.loaded(name) || m.configured(name);
}

/**
 * What the runtime or the config says a name is, files aside: 'stdlib', 'builtin' (loaded at boot
 * or configured), 'external', 'embedded' (in the wasm, unless a project file has the name), or
 * undefined (a project module or nothing).
 */
export function providedBy(config: ProjectConfig, name: string): 'stdlib' | 'builtin' | 'external' | 'embedded' | undefined {
  const m = matchers(config);
  if (m.stdlib(name)) return 'stdlib';
  if (m.loaded(name) || m.configured(name)) return 'builtin';
  if (m.external(name)) return 'external';
  return m.embedded(name) ? 'embedded' : undefined;
}

/**
 * Files processes load by a config.packages name (APM packages): no require site spells their
 * path, so codemods never move, merge or specialise them (a move would leave the mapping dangling).
 */
export const packageFiles = (config: ProjectConfig): Set<string> => new Set(Object.values(config.packages ?? {}));

/** What `require(name)` is when a module resolving in `ctx` asks for it. */
export function classifyRequire(config: ProjectConfig, ws: Workspace, name: string, ctx?: ResolveContext): Resolution {
  const provided = providedBy(config, name);
  if (provided === 'stdlib' || provided === 'builtin') return { kind: provided };
  // An explicit mapping (config.packages) names the file whatever the patterns or externals say.
  const mapped = Object.hasOwn(config.packages ?? {}, name) ? config.packages[name] : undefined;
  if (mapped !== undefined) return ws.exists(mapped) ? { kind: 'project', path: mapped } : { kind: 'unresolved', tried: [mapped] };
  if (provided === 'external') return { kind: provided };
  const tried = candidatePaths(config, name, ctx);
  const file = tried.find((p) => ws.exists(p));
  if (file !== undefined) return { kind: 'project', path: file };
  if (provided === 'embedded') return { kind: 'builtin' };
  return { kind: 'unresolved', tried };
}

/** classifyRequire with answers kept per (context, name): one per run, over one workspace state. */
export class RequireResolver {
  private readonly cache = new Map<string, Resolution>();

  constructor(
    readonly config: ProjectConfig,
    readonly ws: Workspace,
  ) {}

  resolve(name: string, ctx: ResolveContext = topContext(this.config)): Resolution {
    const key = `${contextKey(ctx)}\0\0${name}`;
    let hit = this.cache.get(key);
    if (!hit) this.cache.set(key, (hit = classifyRequire(this.config, this.ws, name, ctx)));
    return hit;
  }

  /** The context a process's closure resolves in. */
  contextOf(processName: string): ResolveContext {
    return processContext(this.config, processName);
  }
}

/** What `?` stands for in each pattern that matches `file` under the top-level root (in the order of `patterns`). */
export function patternMatches(
  config: ProjectConfig,
  file: string,
  patterns: readonly string[] = config.patterns,
  root = normaliseRoot(config.sourceRoot),
): string[] {
  const prefix = root ? `${root}/` : '';
  if (!file.startsWith(prefix)) return [];
  const rel = file.slice(prefix.length);
  const out: string[] = [];
  for (const pattern of patterns) {
    const [before, after = ''] = pattern.split('?') as [string, string?];
    if (rel.startsWith(before) && rel.endsWith(after) && rel.length > before.length + after.length)
      out.push(rel.slice(before.length, rel.length - after.length));
  }
  return out;
}

/**
 * The name a file is known by in the graph: 'ao-processes/battle/main.lua' -> 'battle.main'
 * (top-level sourceRoot, most specific pattern first); a file under runtime.dir is
 * `<namespace>.<rest>`, as it is required. Undefined when no require name can spell the path.
 */
export function moduleNameForPath(config: ProjectConfig, file: string): string | undefined {
  const patterns = [...config.patterns].sort((x, y) => y.length - x.length);
  const spell = (root: string, prefix: string): string | undefined => {
    // A dot inside a path segment cannot be expressed as a require name.
    const mid = patternMatches(config, file, patterns, root).find((m) => !m.includes('.'));
    return mid === undefined ? undefined : prefix + mid.split('/').join('.');
  };
  const runtimeDir = normaliseRoot(config.runtime.dir);
  return (runtimeDir && spell(runtimeDir, `${config.runtime.namespace}.`)) || spell(normaliseRoot(config.sourceRoot), '');
}
