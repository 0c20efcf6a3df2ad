// What `migrate init` detects in a folder of Lua sources, the way a person reading the repository
// would: first what the project's own build and deploy configuration says (detect/projectHints.ts),
// then files that register Handlers and that nothing requires. Build output, bundles, patches,
// mocks, tests, examples and experiments are skipped, each with its reason and how to include it
// (detect/skipRules.ts). Every process gets the source root that resolves the most of its own
// require sites (detect/rootResolution.ts): one root for the project when it serves every process,
// else one per process (a monorepo of packages with their own `src/`). Names come from paths
// (detect/processNames.ts). Every unresolved require site is named with its reason.
import type { Chunk } from 'luaparse';
import path from 'node:path';
import { configSchema, type ProjectConfig } from '../config/projectConfig.ts';
import type { Workspace } from '../files/tree.ts';
import { walkLua, type LuaNode } from '../parse/luaAst.ts';
import { globToRegExp, luaFileFacts, type LuaFileFacts } from './luaFiles.ts';
import { isBuiltin } from './requireGraph.ts';
import { readProjectHints, type Hint, type ProjectHints } from './detect/projectHints.ts';
import { isBundle, skipByPath, type SkipKind } from './detect/skipRules.ts';
import { nameProcesses } from './detect/processNames.ts';
import { isPackageConstructor } from './detect/packageShape.ts';
import { findPackageDeclarations, type PackageDeclaration, type PackageDeclarations } from './detect/apmPackages.ts';
import { candidateRoots, rankRoots, resolveFrom, walkClosure, type ResolverInput, type RootChoice, type SiteVerdict } from './detect/rootResolution.ts';

export interface RootCandidate {
  /** Project-relative folder, '.' for the project root. */
  root: string;
  /** Require sites of the processes' closures this root resolves. */
  resolved: number;
}

export interface DetectedEntry {
  name: string;
  entry: string;
  /** Handlers.add/append/prepend/once calls found in the file. */
  handlers: number;
  traces: string[];
  /** The root its modules resolve from (written to the config only when it differs from sourceRoot). */
  root: string;
  /** Why it is a process beyond "registers handlers": `named by <build/deploy file:line>` or `loads <file>...`. */
  evidence?: string;
}

export interface SkippedCandidate {
  file: string;
  kind: SkipKind | 'required' | 'declared-output' | 'library';
  why: string;
  folder?: string;
  /** What to run to make it a process anyway. */
  include: string;
}

export interface ResolutionSummary {
  /** Literal require sites in the processes' closures (each file:line:name once). */
  sites: number;
  resolved: number;
  builtin: number;
  standard: number;
  /** pcall-guarded sites that do not resolve: the code handles their absence. */
  optional: number;
  /** Names no project file provides (luarocks / APM modules): named, kept out of the percentage. */
  external: number;
  /** Sites that are neither resolved, builtin nor standard library, each with its reason. */
  unresolved: SiteVerdict[];
}

export interface ProjectDetection {
  sourceRoot: string;
  /** Compatibility summary: sites that should resolve in the project, and how many do. */
  requireSites: number;
  resolvedSites: number;
  candidates: RootCandidate[];
  entries: DetectedEntry[];
  luaFiles: number;
  /** Files that register handlers but are required by another file (not entries). */
  requiredHandlerFiles: string[];
  /** Files that did not parse (skipped for entry detection; listed so the user knows). */
  unparsed: string[];
  skipped: SkippedCandidate[];
  resolution: ResolutionSummary;
  /** Names no project file provides (luarocks modules such as lsqlite3): written to `externals`. */
  externals: string[];
  /**
   * Globs for config `exclude`: the folders and files that are not sources (build output, bundles,
   * patches, mocks, tests, examples, experiments), so the graph and the audit leave them out.
   */
  excludes: string[];
  hints: { entries: Hint[]; outputs: Hint[]; roots: Hint[] };
  /** APM names (`@vendor/name`) the processes require that a project file declares: written to `packages`. */
  packages: PackageDeclaration[];
  /** APM names the processes require that several project files declare: mapped to none. */
  ambiguousPackages: PackageDeclarations['ambiguous'];
}

export interface DetectOptions {
  /** Globs (project-relative) of files to keep as processes whatever the skip rules say. */
  include?: string[];
}

const HANDLER_METHODS = new Set(['add', 'append', 'prepend', 'once']);
const NOT_REQUIRERS = new Set<SkippedCandidate['kind']>(['test', 'mock', 'example', 'experiment', 'patch', 'bundle', 'build-output', 'declared-output']);

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

const under = (file: string, dir: string): boolean => dir === '.' || file === dir || file.startsWith(`${dir}/`);

/** Why a file is not a process by the project's config, its path or its content (undefined: it may be one). */
function skipReason(file: string, text: string, hints: ProjectHints): Omit<SkippedCandidate, 'file' | 'include'> | undefined {
  const out = hints.outputs.find((o) => under(file, o.path));
  if (out) return { kind: 'declared-output', why: `build output written by ${out.source}`, ...(out.path !== file ? { folder: out.path } : {}) };
  const byPath = skipByPath(file);
  if (byPath) return byPath;
  if (isBundle(text)) return { kind: 'bundle', why: 'a bundle (defines several modules through package.preload / package.loaded)' };
  return undefined;
}

export function detectProject(ws: Workspace, opts: DetectOptions = {}): ProjectDetection {
  const defaults = draftConfig('.');
  const includeRe = (opts.include ?? []).map(globToRegExp);
  const files = ws.list('').filter((f) => f.endsWith('.lua'));
  const fileSet = new Set(files);
  const hints = readProjectHints(ws);
  const factsOf = new Map<string, LuaFileFacts>();
  const facts = (f: string): LuaFileFacts | undefined => {
    if (!factsOf.has(f) && fileSet.has(f)) factsOf.set(f, luaFileFacts(ws.read(f) ?? Buffer.alloc(0), f));
    return factsOf.get(f);
  };
  const realOf = (p: string): string => (ws as Workspace & { realPath?(p: string): string | undefined }).realPath?.(p) ?? p;

  // Why each file is not a process (or undefined); build output never serves as a module.
  const skip = new Map(files.map((f) => [f, skipReason(f, facts(f)!.text, hints)]));
  const moduleFiles = new Set(files.filter((f) => !['declared-output', 'bundle', 'build-output'].includes(skip.get(f)?.kind ?? '')));
  // Files that may declare a package: sources and bundles kept as sources, never build output,
  // tests, specs, mocks, examples, experiments or patches (a spec's setup stubs package.loaded).
  const sourceFiles = new Set(files.filter((f) => !skip.get(f) || skip.get(f)!.kind === 'bundle'));
  const declarations = findPackageDeclarations(ws, sourceFiles, facts);
  const input: ResolverInput = {
    files: moduleFiles,
    allFiles: fileSet,
    patterns: defaults.patterns,
    facts,
    isBuiltin: (n) => isBuiltin(defaults, n),
    packages: new Map(declarations.declared.map((d) => [d.name, d.file])),
  };
  const hintRoots = [...new Set(hints.roots.map((r) => r.path))].filter((r) => files.some((f) => under(f, r)));

  // Which files a real (non-test, non-build) file requires: from its nearest folder that resolves the name.
  const required = new Map<string, string>();
  const requirers = new Map<string, Set<string>>();
  for (const f of files) {
    const kind = skip.get(f)?.kind;
    if (kind && NOT_REQUIRERS.has(kind)) continue;
    const roots = candidateRoots(f, []).reverse();
    for (const site of facts(f)!.sites) {
      const target = roots.map((r) => resolveFrom(input, r, site.name)).find(Boolean);
      if (!target || target === f) continue;
      if (!required.has(realOf(target))) required.set(realOf(target), `${f}:${site.line}`);
      requirers.set(realOf(target), (requirers.get(realOf(target)) ?? new Set()).add(f));
    }
  }
  /** The files nothing requires that load `file` through a chain of requires (`process.lua` -> init -> main). */
  const topsOf = (file: string): string[] => {
    const seen = new Set([file]);
    const queue = [file];
    const tops: string[] = [];
    while (queue.length) {
      const up = requirers.get(realOf(queue.shift()!));
      if (!up?.size) continue;
      for (const r of up) {
        if (seen.has(r)) continue;
        seen.add(r);
        if (requirers.get(realOf(r))?.size) queue.push(r);
        else tops.push(r);
      }
    }
    return tops;
  };

  // Candidates: declared entries (a declared build output maps back to its source) and handler files.
  const declared = new Map<string, Hint>();
  for (const h of hints.entries) {
    const file = hints.builtFrom.get(h.path) ?? h.path;
    const known = declared.get(file);
    if (fileSet.has(file) && (!known || (known.kind !== 'deploy' && h.kind === 'deploy'))) declared.set(file, h);
  }
  const entries: DetectedEntry[] = [];
  const skipped: SkippedCandidate[] = [];
  const requiredHandlerFiles: string[] = [];
  const unparsed: string[] = [];
  const seenReal = new Set<string>();
  const loaders = new Map<string, string>();
  for (const file of files) {
    const fact = facts(file)!;
    if (!fact.parsed.ast) {
      unparsed.push(file);
      continue;
    }
    const handlers = countHandlerRegistrations(fact.parsed.ast);
    const hint = declared.get(file);
    if (handlers === 0 && !hint) continue;
    const real = realOf(file);
    if (seenReal.has(real)) continue;
    seenReal.add(real);
    const reason = skip.get(file);
    const include = `migrate init --include ${file}`;
    const keep = (): void =>
      void entries.push({ name: '', entry: file, handlers, traces: [], root: '.', ...(hint ? { evidence: `named by ${hint.source}` } : {}) });
    // The order says what wins: an explicit --include, then build output (never a process), then
    // a deploy tool naming the file, then the path rules, then "a library", then "required".
    if (includeRe.some((r) => r.test(file))) keep();
    else if (reason && (reason.kind === 'declared-output' || reason.kind === 'bundle' || reason.kind === 'build-output'))
      skipped.push({ file, ...reason, include });
    else if (hint?.kind === 'deploy') keep();
    else if (reason) skipped.push({ file, ...reason, include });
    else if (handlers === 0) skipped.push({ file, kind: 'library', why: `named by ${hint!.source} but registers no handlers (a library)`, include });
    else if (isPackageConstructor(fact.parsed.ast, handlers, countHandlerRegistrations)) {
      skipped.push({
        file,
        kind: 'library',
        why: `returns a function that registers its ${handlers} handler(s) when called (a package; the files calling it are the processes)`,
        include,
      });
    } else if (required.has(real)) {
      requiredHandlerFiles.push(file);
      skipped.push({ file, kind: 'required', why: `required by ${required.get(real)} (a module, not an entry)`, include });
      // Its handlers still belong to a process: the top file that loads it is that entry.
      for (const top of topsOf(file)) loaders.set(top, loaders.get(top) ?? file);
    } else keep();
  }
  // A top file that loads handler modules and registers none itself (`process.lua` requiring
  // `.src.init`) is the process entry, unless it is a test, build output and the like.
  for (const [top, via] of loaders) {
    if (entries.some((e) => e.entry === top) || skip.get(top) || skipped.some((x) => x.file === top)) continue;
    entries.push({ name: '', entry: top, handlers: 0, traces: [], root: '.', evidence: `loads ${via}, which registers handlers` });
  }
  entries.sort((a, b) => a.entry.localeCompare(b.entry));
  const projectName = path.basename(ws.root);
  nameProcesses(
    entries.map((e) => e.entry),
    projectName,
  ).forEach((n, i) => (entries[i]!.name = n));

  // Source roots: the best root per process, then the one root that serves the most sites overall.
  const ranked = entries.map((e) => rankRoots(input, e.entry, [...hintRoots.filter((r) => under(e.entry, r)), ...candidateRoots(e.entry, hintRoots)]));
  const pool = [...new Set(ranked.map((r) => r[0]?.root ?? '.'))];
  const closureAt = (i: number, root: string): RootChoice => {
    const known = ranked[i]!.find((c) => c.root === root);
    if (known) return known;
    const verdicts = walkClosure(input, entries[i]!.entry, root);
    return { root, verdicts, resolved: verdicts.filter((v) => v.target).length };
  };
  const depth = (r: string): number => (r === '.' ? 0 : r.split('/').length);
  const totals = pool
    .map((root) => ({ root, resolved: entries.reduce((n, _e, i) => n + closureAt(i, root).resolved, 0) }))
    .sort((a, b) => b.resolved - a.resolved || depth(a.root) - depth(b.root) || a.root.localeCompare(b.root));
  const sourceRoot = totals[0]?.root ?? '.';
  const verdicts = new Map<string, SiteVerdict>();
  entries.forEach((e, i) => {
    const best = ranked[i]![0];
    const atGlobal = closureAt(i, sourceRoot);
    const chosen = best && best.resolved > atGlobal.resolved ? best : atGlobal;
    e.root = chosen.root;
    for (const v of chosen.verdicts) verdicts.set(`${v.file}:${v.line}:${v.name}`, v);
    const trace = `traces/${e.name}.jsonl`;
    if (ws.exists(trace)) e.traces.push(trace);
  });
  const all = [...verdicts.values()];
  const resolution: ResolutionSummary = {
    sites: all.length,
    resolved: all.filter((v) => v.target).length,
    builtin: all.filter((v) => v.reason === 'aos builtin').length,
    standard: all.filter((v) => v.reason === 'standard library').length,
    optional: all.filter((v) => v.reason === 'optional').length,
    external: all.filter((v) => v.reason === 'external').length,
    unresolved: all.filter((v) => !v.target && v.reason !== 'aos builtin' && v.reason !== 'standard library'),
  };
  // Written to `packages`: the declared names the processes' closures resolved through them.
  const packages = declarations.declared.filter((d) => all.some((v) => v.name === d.name && v.declared));
  const ambiguousPackages = declarations.ambiguous.filter((d) => all.some((v) => v.name === d.name && !v.target));
  const packaged = new Set(packages.map((p) => p.file));
  const externals = [...new Set(resolution.unresolved.filter((v) => v.reason === 'external').map((v) => v.name))].sort();
  const excludes = new Set<string>();
  for (const [file, reason] of skip) {
    if (!reason || packaged.has(file) || includeRe.some((r) => r.test(file)) || entries.some((e) => e.entry === file)) continue;
    // A folder glob unless a kept entry (--include, a deploy config) lives in that folder.
    const folderHasEntry = reason.folder !== undefined && entries.some((e) => under(e.entry, reason.folder!));
    excludes.add(reason.folder && !folderHasEntry ? `${reason.folder}/**` : file);
  }
  return {
    sourceRoot,
    requireSites: resolution.sites - resolution.builtin - resolution.standard - resolution.optional - resolution.external,
    resolvedSites: resolution.resolved,
    candidates: totals.slice(0, 5),
    entries,
    luaFiles: files.length,
    requiredHandlerFiles,
    unparsed,
    skipped,
    resolution,
    externals,
    excludes: [...excludes].filter((g) => ![...excludes].some((o) => o !== g && o.endsWith('/**') && g.startsWith(o.slice(0, -2)))).sort(),
    hints: { entries: hints.entries, outputs: hints.outputs, roots: hints.roots },
    packages,
    ambiguousPackages,
  };
}

/** The config `migrate init` writes for a detection. */
export function configFromDetection(d: ProjectDetection, opts: { buildDir?: string } = {}): Record<string, unknown> {
  const defaults = draftConfig(d.sourceRoot);
  const runtimeDir = d.sourceRoot === '.' ? 'runtime' : `${d.sourceRoot}/runtime`;
  return {
    sourceRoot: d.sourceRoot,
    patterns: defaults.patterns,
    processes: d.entries.map((e) => ({
      name: e.name,
      entry: e.entry,
      ...(e.root !== d.sourceRoot ? { sourceRoot: e.root } : {}),
      ...(e.traces.length ? { traces: e.traces } : {}),
    })),
    ...(d.packages.length ? { packages: Object.fromEntries(d.packages.map((p) => [p.name, p.file])) } : {}),
    ...(d.externals.length ? { externals: d.externals } : {}),
    exclude: [...defaults.exclude, ...d.excludes.filter((g) => !coveredByDefaults(defaults.exclude, g))],
    runtime: { ...defaults.runtime, dir: runtimeDir },
    budgets: defaults.budgets,
    buildDir: opts.buildDir ?? defaults.buildDir,
  };
}

/** A detected exclude glob the default globs already cover (`pkg/build/**` under `**\/build/**`). */
function coveredByDefaults(defaults: string[], glob: string): boolean {
  const sample = glob.endsWith('/**') ? `${glob.slice(0, -3)}/x.lua` : glob;
  return defaults.map(globToRegExp).some((r) => r.test(sample));
}
