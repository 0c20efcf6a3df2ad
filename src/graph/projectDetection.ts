// What `migrate init` detects in a folder of Lua sources: the source root (the folder the
// dotted require names resolve from; it need not be the repository root) and the entries
// (files that register Handlers and that nothing requires). Every candidate root is scored by
// how many literal require sites it resolves; the best one wins, ties go to the shallowest.
import type { Chunk } from 'luaparse';
import { configSchema, type ProjectConfig } from '../config/projectConfig.ts';
import type { Workspace } from '../stage/tree.ts';
import { walkLua, type LuaNode } from '../parse/luaAst.ts';
import { globToRegExp, luaFileFacts } from './luaFiles.ts';
import { classifyRequire, providedBy } from './resolveRequire.ts';

export interface RootCandidate {
  /** Project-relative folder, '.' for the project root. */
  root: string;
  /** Literal, non-built-in require sites this root resolves. */
  resolved: number;
}

export interface DetectedEntry {
  name: string;
  entry: string;
  /** Handlers.add/append/prepend/once calls found in the file. */
  handlers: number;
  traces: string[];
}

export interface ProjectDetection {
  sourceRoot: string;
  /** Require sites (literal, not built-in) of every Lua file, and how many the root resolves. */
  requireSites: number;
  resolvedSites: number;
  candidates: RootCandidate[];
  entries: DetectedEntry[];
  luaFiles: number;
  /** Files that register handlers but are required by another file (not entries). */
  requiredHandlerFiles: string[];
  /** Files that did not parse (skipped for entry detection; listed so the user knows). */
  unparsed: string[];
}

const HANDLER_METHODS = new Set(['add', 'append', 'prepend', 'once']);

/** Schema defaults (patterns, builtins, exclude...) around a given source root. */
export function draftConfig(sourceRoot: string, processes: { name: string; entry: string; traces?: string[] }[] = []): ProjectConfig {
  const base = configSchema.parse({ sourceRoot: '.', processes: [{ name: 'draft', entry: 'draft.lua' }] });
  return { ...base, sourceRoot, processes: processes.map((p) => ({ traces: [], ...p })) };
}

/** Number of `Handlers.add(...)`-style registrations through the global Handlers. */
export function countHandlerRegistrations(ast: Chunk): number {
  let n = 0;
  walkLua(ast, (node: LuaNode) => {
    if (node.type !== 'CallExpression' && node.type !== 'StringCallExpression' && node.type !== 'TableCallExpression') return;
    const callee = node.base as LuaNode;
    if (callee.type !== 'MemberExpression') return;
    const base = callee.base as LuaNode;
    const method = (callee.identifier as LuaNode).name as string;
    if (base.type === 'Identifier' && base.name === 'Handlers' && base.isLocal !== true && HANDLER_METHODS.has(method)) n++;
  });
  return n;
}

/** Folders that could be a source root: '.', and every folder holding a Lua file, with all their parents. */
function candidateRoots(files: string[]): string[] {
  const dirs = new Set<string>(['.']);
  for (const f of files) {
    const parts = f.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return [...dirs].sort();
}

/** Map require name -> roots it resolves from, built from the file list and the patterns. */
function nameIndex(files: string[], patterns: string[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const f of files) {
    const segments = f.split('/');
    for (let i = 0; i < segments.length; i++) {
      const root = i === 0 ? '.' : segments.slice(0, i).join('/');
      const rest = segments.slice(i).join('/');
      for (const pattern of patterns) {
        const [before, after = ''] = pattern.split('?') as [string, string?];
        if (!rest.startsWith(before) || !rest.endsWith(after) || rest.length <= before.length + after.length) continue;
        const mid = rest.slice(before.length, rest.length - after.length);
        if (mid.includes('.')) continue;
        const name = mid.split('/').join('.');
        let roots = index.get(name);
        if (!roots) index.set(name, (roots = new Set()));
        roots.add(root);
      }
    }
  }
  return index;
}

/** A process name from an entry path: `<root>/battle/main.lua` -> battle, `shop.lua` -> shop, `main.lua` -> the project folder's name. */
function processNameFor(entry: string, projectDir: string): string {
  const parts = [...projectDir.split('/').slice(-1), ...entry.replace(/\.lua$/, '').split('/')];
  const last = parts.at(-1)!;
  const base = (last === 'main' || last === 'init' || last === 'process') && parts.length > 1 ? parts.at(-2)! : last;
  return base.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'process';
}

export function detectProject(ws: Workspace): ProjectDetection {
  const defaults = draftConfig('.');
  const excludes = defaults.exclude.map(globToRegExp);
  const files = ws
    .list('')
    .filter((f) => f.endsWith('.lua') && !excludes.some((r) => r.test(f)) && !f.startsWith(`${defaults.buildDir}/`));
  const facts = new Map(files.map((f) => [f, luaFileFacts(ws.read(f) ?? Buffer.alloc(0), f)]));

  // Score each root by the require sites it resolves.
  const index = nameIndex(files, defaults.patterns);
  const votes = new Map<string, number>(candidateRoots(files).map((r) => [r, 0]));
  let requireSites = 0;
  for (const fact of facts.values()) {
    for (const site of fact.sites) {
      if (site.federated || providedBy(defaults, site.name)) continue;
      requireSites++;
      for (const root of index.get(site.name.replace(/^\./, '')) ?? []) votes.set(root, (votes.get(root) ?? 0) + 1);
    }
  }
  const depth = (r: string) => (r === '.' ? 0 : r.split('/').length);
  const candidates = [...votes]
    .map(([root, resolved]) => ({ root, resolved }))
    .sort((a, b) => b.resolved - a.resolved || depth(a.root) - depth(b.root) || a.root.localeCompare(b.root));
  const sourceRoot = candidates[0]?.resolved ? candidates[0].root : commonFolder(files);
  const resolvedSites = votes.get(sourceRoot) ?? 0;

  // Entries: files registering handlers that no resolved require reaches.
  const config = draftConfig(sourceRoot);
  const realOf = (p: string): string => (ws as Workspace & { realPath?(p: string): string | undefined }).realPath?.(p) ?? p;
  const required = new Set<string>();
  for (const fact of facts.values()) {
    for (const site of fact.sites) {
      const r = classifyRequire(config, ws, site.name);
      if (r.kind === 'project') required.add(realOf(r.path!));
    }
  }
  const entries: DetectedEntry[] = [];
  const requiredHandlerFiles: string[] = [];
  const unparsed: string[] = [];
  const seenReal = new Set<string>();
  for (const [file, fact] of facts) {
    if (!fact.parsed.ast) {
      unparsed.push(file);
      continue;
    }
    const handlers = countHandlerRegistrations(fact.parsed.ast);
    if (handlers === 0) continue;
    const real = realOf(file);
    if (seenReal.has(real)) continue;
    seenReal.add(real);
    if (required.has(real)) requiredHandlerFiles.push(file);
    else entries.push({ name: processNameFor(file, ws.root), entry: file, handlers, traces: [] });
  }
  uniqueNames(entries);
  for (const e of entries) {
    const trace = `traces/${e.name}.jsonl`;
    if (ws.exists(trace)) e.traces.push(trace);
  }
  return { sourceRoot, requireSites, resolvedSites, candidates: candidates.slice(0, 5), entries, luaFiles: files.length, requiredHandlerFiles, unparsed };
}

/** Two entries named alike (a/main.lua, b/a/main.lua) get -2, -3 suffixes, in path order. */
function uniqueNames(entries: DetectedEntry[]): void {
  const count = new Map<string, number>();
  for (const e of entries) {
    const n = (count.get(e.name) ?? 0) + 1;
    count.set(e.name, n);
    if (n > 1) e.name = `${e.name}-${n}`;
  }
}

/** With no resolvable require at all, the deepest folder holding every Lua file. */
function commonFolder(files: string[]): string {
  if (files.length === 0) return '.';
  let common = files[0]!.split('/').slice(0, -1);
  for (const f of files) {
    const parts = f.split('/').slice(0, -1);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.length ? common.join('/') : '.';
}

/** The config `migrate init` writes for a detection. */
export function configFromDetection(d: ProjectDetection): Record<string, unknown> {
  const defaults = draftConfig(d.sourceRoot);
  const runtimeDir = d.sourceRoot === '.' ? 'runtime' : `${d.sourceRoot}/runtime`;
  return {
    sourceRoot: d.sourceRoot,
    patterns: defaults.patterns,
    processes: d.entries.map((e) => ({ name: e.name, entry: e.entry, ...(e.traces.length ? { traces: e.traces } : {}) })),
    exclude: defaults.exclude,
    runtime: { ...defaults.runtime, dir: runtimeDir },
    budgets: defaults.budgets,
    buildDir: defaults.buildDir,
  };
}
