// What each build contains: every module reachable from each process entry through plain and
// federated requires (names resolved by sourceRoot + patterns, aos builtins skipped), which of
// them are runtime modules (under `runtime.namespace + '.'`, plus those listed in
// runtime/manifest.json) with their version and sha256, and which stay process modules.
// Orders are deterministic (dependencies first, in source order) so builds are byte-reproducible.
import { sha256 } from '../hash.ts';
import path from 'node:path';
import type { ProjectConfig } from '../config/projectConfig.ts';
import { MigrateError } from '../errors.ts';
import type { Workspace } from '../stage/tree.ts';
import { isBuiltin, resolveModule } from '../graph/requireGraph.ts';
import { luaFileFacts } from '../graph/luaFiles.ts';
import { toBundleSites, type BundleRequireSite } from './federatedRequires.ts';
import { loaderModuleName } from './loaderModule.ts';

export interface BundleModule {
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

function readManifest(config: ProjectConfig, ws: Workspace): { version?: string; modules: RuntimeManifestEntry[] } | undefined {
  const file = path.posix.join(config.runtime.dir, 'manifest.json');
  const bytes = ws.read(file);
  if (!bytes) return undefined;
  try {
    const raw = JSON.parse(bytes.toString('utf8')) as { version?: string; modules?: RuntimeManifestEntry[] };
    return { version: raw.version, modules: Array.isArray(raw.modules) ? raw.modules : [] };
  } catch (e) {
    throw new MigrateError('BUNDLE-003', `${file} is not valid JSON: ${(e as Error).message}`, {
      location: { file },
      hint: 're-run the codemod that writes the runtime manifest, or delete the file to use config.runtime.version',
    });
  }
}

/** Builds the bundling graph of every configured process. */
export function buildBundleGraph(config: ProjectConfig, ws: Workspace): BundleGraph {
  const ns = `${config.runtime.namespace}.`;
  const manifest = readManifest(config, ws);
  const runtimeVersion = manifest?.version ?? config.runtime.version;
  const manifestByName = new Map((manifest?.modules ?? []).map((m) => [m.name, m]));
  const modules = new Map<string, BundleModule>();
  const loaderName = loaderModuleName(config);
  // Files that require the loader module (bundles provide it; its file is never packed).
  const reachesLoader = new Set<string>();

  const resolve = (name: string): string | undefined => {
    const listed = manifestByName.get(name)?.path;
    if (listed && ws.exists(listed)) return listed;
    return resolveModule(config, ws, name);
  };

  const load = (name: string, file: string): BundleModule => {
    const have = modules.get(name);
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
    modules.set(name, mod);
    return mod;
  };

  // Depth-first, dependencies first; a module already visited (or on the stack: a cycle) is skipped.
  const visit = (sites: BundleRequireSite[], from: string, order: string[], seen: Set<string>): void => {
    for (const site of sites) {
      if (site.name === loaderName) reachesLoader.add(from);
      if (seen.has(site.name) || isBuiltin(config, site.name) || site.name === loaderName) continue;
      const file = resolve(site.name);
      if (!file) {
        if (site.guarded) continue;
        throw new MigrateError('BUNDLE-002', `cannot resolve require("${site.name}")`, {
          location: { file: from, line: site.line, column: site.column },
          hint: `no file matches ${config.patterns.join(', ')} under ${config.sourceRoot}; add the name to "builtins" if aos provides it`,
        });
      }
      seen.add(site.name);
      const mod = load(site.name, file);
      visit(mod.requires, file, order, seen);
      order.push(site.name);
    }
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
    const closure: string[] = [];
    visit(entryRequires, p.entry, closure, new Set());
    const usesFederation = entry.usesFederation || reachesLoader.has(p.entry) || closure.some((n) => modules.get(n)!.usesFederation || reachesLoader.has(modules.get(n)!.path));
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
    };
  });

  // Manifest modules no process reaches still belong to the runtime.
  for (const m of manifestByName.values()) {
    if (modules.has(m.name) || m.name === loaderName) continue;
    const file = resolve(m.name);
    if (!file) continue;
    const order: string[] = [];
    const seen = new Set([...modules.keys()]);
    seen.add(m.name);
    load(m.name, file);
    visit(modules.get(m.name)!.requires, file, order, seen);
  }

  const runtimeModules = [...modules.values()].filter((m) => m.runtime).map((m) => m.name).sort();
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
