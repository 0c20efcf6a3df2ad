// What each build contains: every module reachable from each process entry through plain and
// federated requires (each name classified by src/graph/resolveRequire.ts in the process's own
// context; standard libraries, aos builtins and config.externals stay out), which of
// them are runtime modules (under `runtime.namespace + '.'`, plus those listed in
// runtime/manifest.json) with their version and sha256, and which stay process modules.
// Orders are deterministic (dependencies first, in source order) so builds are byte-reproducible.
import { sha256 } from '../hash.ts';
import path from 'node:path';
import type { ProjectConfig } from '../config/projectConfig.ts';
import { MigrateError } from '../errors.ts';
import type { Workspace } from '../files/tree.ts';
import { luaFileFacts } from '../graph/luaFiles.ts';
import { RequireResolver, type ResolveContext } from '../graph/resolveRequire.ts';
import { readManifest } from '../graph/runtimeManifest.ts';
import { dependenciesFirst } from '../graph/closure.ts';

/** The walk's stand-in for an entry (no module has this key). */
const ENTRY = '\0entry';
import { toBundleSites, type BundleRequireSite } from './federatedRequires.ts';
import { loaderModuleName } from './loaderModule.ts';

export interface BundleModule {
  /** The require name (the preload key); graph.modules is keyed by name, or by `name@path` when two processes resolve one name to different files. */
  name: string;
  /** Project-relative path. */
  path: string;
  /** latin1 text, BOM removed. */
  text: string;
  /** Size of the file on disk. */
  bytes: number;
  /** sha256 hex of the file bytes. */
  hash: string;
  requires: BundleRequireSite[];
  /** Mentions the Federation global (a federated require, the mode flag, a status call). */
  usesFederation: boolean;
  runtime: boolean;
  /** Runtime modules: version from the manifest, else the runtime version. */
  version?: string;
}

export interface BundleProcess {
  name: string;
  entryPath: string;
  entryText: string;
  entryBytes: number;
  entryRequires: BundleRequireSite[];
  /** Every module the process reaches, dependencies first (entry excluded). */
  closure: string[];
  /** The closure minus runtime modules: what a shell carries. */
  processModules: string[];
  /** Runtime modules the process reaches (directly or through other runtime modules). */
  runtimeModules: string[];
  /** The entry or a module of the closure mentions Federation: the monolith carries the loader. */
  usesFederation: boolean;
  /** config.externals the closure requires (left to the deployment), sorted. */
  externals: string[];
  /** BUNDLE-002 for the first require of the closure that resolves to nothing: this process cannot be built. */
  blocked?: MigrateError;
}

export interface RuntimeManifestEntry {
  name: string;
  path?: string;
  version?: string;
  hash?: string;
}

export interface BundleGraph {
  modules: Map<string, BundleModule>;
  processes: BundleProcess[];
  /** Every runtime module, sorted by name. */
  runtimeModules: string[];
  runtimeVersion: string;
  namespace: string;
  /** The loader module's require name (`<namespace>.ao_federate`): every bundle provides it. */
  loaderName: string;
}

/** Parses through the shared content-hash cache; a file that does not parse is BUNDLE-001. */
function parseForBundle(bytes: Buffer, file: string): { text: string; requires: BundleRequireSite[]; usesFederation: boolean } {
  const facts = luaFileFacts(bytes, file);
  const { error, text } = facts;
  if (error) {
    throw new MigrateError('BUNDLE-001', `cannot parse ${file}: [${error!.line}:${error!.column}] ${error!.message}`, {
      location: { file, line: error!.line, column: error!.column },
      hint: 'the bundler only packs files that parse as Lua 5.3; fix the syntax error first',
    });
  }
  return { text, requires: toBundleSites(facts.sites), usesFederation: facts.usesFederation };
}

export interface BundleGraphOptions {
  /**
   * false (default): the first require that resolves to nothing throws BUNDLE-002.
   * true: a process whose closure has one is marked `blocked` and the others are still built.
   */
  partial?: boolean;
}

/** Builds the bundling graph of every configured process. */
export function buildBundleGraph(config: ProjectConfig, ws: Workspace, opts: BundleGraphOptions = {}): BundleGraph {
  const ns = `${config.runtime.namespace}.`;
  const manifest = readManifest(ws, config);
  const runtimeVersion = manifest?.version ?? config.runtime.version;
  const manifestByName = new Map((manifest?.modules ?? []).map((m) => [m.name, m]));
  const modules = new Map<string, BundleModule>();
  const resolver = new RequireResolver(config, ws);
  const loaderName = loaderModuleName(config);
  // Files that require the loader module (bundles provide it; its file is never packed).
  const reachesLoader = new Set<string>();

  type Found = { kind: 'file'; file: string } | { kind: 'skip'; external: boolean } | { kind: 'missing' };
  const resolve = (name: string, ctx?: ResolveContext): Found => {
    const listed = manifestByName.get(name)?.path;
    if (listed && ws.exists(listed)) return { kind: 'file', file: listed };
    const r = resolver.resolve(name, ctx);
    if (r.kind === 'project') return { kind: 'file', file: r.path! };
    if (r.kind === 'unresolved') return { kind: 'missing' };
    return { kind: 'skip', external: r.kind === 'external' };
  };

  // The key of a module in `modules`: its name, unless that name already holds another file.
  const keyOf = (name: string, file: string): string => {
    const have = modules.get(name);
    return !have || have.path === file ? name : `${name}@${file}`;
  };

  const load = (key: string, name: string, file: string): BundleModule => {
    const have = modules.get(key);
    if (have) return have;
    const bytes = ws.read(file)!;
    const runtime = name.startsWith(ns) || manifestByName.has(name);
    const hash = sha256(bytes);
    const listed = manifestByName.get(name);
    if (listed?.hash && listed.hash !== hash) {
      throw new MigrateError('BUNDLE-005', `runtime manifest hash of '${name}' does not match ${file}`, {
        location: { file: path.posix.join(config.runtime.dir, 'manifest.json') },
        hint: 'the manifest is stale: re-run the codemod that writes runtime/manifest.json',
      });
    }
    const { text, requires, usesFederation } = parseForBundle(bytes, file);
    const mod: BundleModule = {
      name,
      path: file,
      text,
      bytes: bytes.length,
      hash,
      requires,
      usesFederation,
      runtime,
      ...(runtime ? { version: listed?.version ?? runtimeVersion } : {}),
    };
    modules.set(key, mod);
    return mod;
  };

  // What one process's walk found besides its modules.
  interface Walk {
    ctx?: ResolveContext;
    externals: Set<string>;
    blocked?: MigrateError;
  }
  // The keys of the modules `sites` (in `from`) require, resolved as the walk reaches each one
  // (lazily: the shared walker asks for the next only after the previous one's subtree).
  function* requiredKeys(sites: BundleRequireSite[], from: string, walk: Walk): Generator<string> {
    for (const site of sites) {
      if (site.name === loaderName) {
        reachesLoader.add(from);
        continue;
      }
      const found = resolve(site.name, walk.ctx);
      if (found.kind === 'skip') {
        if (found.external) walk.externals.add(site.name);
        continue;
      }
      if (found.kind === 'missing') {
        if (site.guarded || walk.blocked) continue;
        walk.blocked = new MigrateError('BUNDLE-002', `cannot resolve require("${site.name}")`, {
          location: { file: from, line: site.line, column: site.column },
          hint: `no file matches ${(walk.ctx?.patterns ?? config.patterns).join(', ')} under ${walk.ctx ? walk.ctx.root || '.' : config.sourceRoot}; add the name to "externals" (a luarocks or C module) or "builtins" (aos provides it) in migrate.config.json`,
        });
        if (!opts.partial) throw walk.blocked;
        continue;
      }
      const key = keyOf(site.name, found.file);
      load(key, site.name, found.file);
      yield key;
    }
  }
  // Dependencies first (the graph's walker, dependenciesFirst); `root` stands for a node whose
  // sites are given (an entry), and is left out of the order.
  const walkFrom = (root: string, sites: BundleRequireSite[], from: string, walk: Walk, done?: Set<string>): string[] => {
    const order = dependenciesFirst(
      root,
      (key) => (key === root ? requiredKeys(sites, from, walk) : requiredKeys(modules.get(key)!.requires, modules.get(key)!.path, walk)),
      undefined,
      done,
    );
    return order.filter((k) => k !== root);
  };

  const processes: BundleProcess[] = config.processes.map((p) => {
    const bytes = ws.read(p.entry);
    if (!bytes) {
      throw new MigrateError('BUNDLE-006', `entry of process '${p.name}' not found: ${p.entry}`, {
        location: { file: p.entry },
        hint: 'fix "processes[].entry" in migrate.config.json',
      });
    }
    const entry = parseForBundle(bytes, p.entry);
    const entryText = entry.text;
    const entryRequires = entry.requires;
    const walk: Walk = { ctx: resolver.contextOf(p.name), externals: new Set() };
    const closure = walkFrom(ENTRY, entryRequires, p.entry, walk);
    const usesFederation =
      entry.usesFederation || reachesLoader.has(p.entry) || closure.some((n) => modules.get(n)!.usesFederation || reachesLoader.has(modules.get(n)!.path));
    return {
      name: p.name,
      entryPath: p.entry,
      entryText,
      entryBytes: bytes.length,
      entryRequires,
      closure,
      processModules: closure.filter((n) => !modules.get(n)!.runtime),
      runtimeModules: closure.filter((n) => modules.get(n)!.runtime),
      usesFederation,
      externals: [...walk.externals].sort(),
      ...(walk.blocked ? { blocked: walk.blocked } : {}),
    };
  });

  // Manifest modules no process reaches still belong to the runtime.
  for (const m of manifestByName.values()) {
    if (modules.has(m.name) || m.name === loaderName) continue;
    const found = resolve(m.name);
    if (found.kind !== 'file') continue;
    const done = new Set([...modules.keys()]);
    const mod = load(m.name, m.name, found.file);
    const walk: Walk = { externals: new Set() };
    walkFrom(m.name, mod.requires, found.file, walk, done);
    if (walk.blocked) throw walk.blocked;
  }

  const runtimeModules = [...modules.values()]
    .filter((m) => m.runtime)
    .map((m) => m.name)
    .sort();
  for (const name of runtimeModules) {
    const mod = modules.get(name)!;
    for (const site of mod.requires) {
      const dep = modules.get(site.name);
      if (dep && !dep.runtime) {
        throw new MigrateError('BUNDLE-004', `runtime module '${name}' requires process module '${site.name}'`, {
          location: { file: mod.path, line: site.line, column: site.column },
          hint: `a runtime module may only require runtime modules (${ns}*) and aos builtins: move '${site.name}' to the runtime too`,
        });
      }
    }
  }
  return { modules, processes, runtimeModules, runtimeVersion, namespace: config.runtime.namespace, loaderName };
}
