// Writes the Lua text of each build. Modules keep their text verbatim inside a function
// (top-level locals stay local; `return M` is fine; no per-module top-level local, so no
// 200-locals limit). Plain modules go to package.preload and run through the real `require`
// (at most once, `true` for a module returning nothing, cycles exactly as on aos Lua 5.3);
// runtime modules go to the Federation registry. The entry runs last; the chunk returns nothing.
// A federated shell carries no loader, only a bootstrap (loaderModule.ts); the runtime carries
// the loader once and its modules as source strings, compiled at their first require.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BundleGraph, BundleModule, BundleProcess } from './closure.ts';
import { latin1ToUtf8, luaQuote } from './luaFront.ts';
import { federationLoader, loaderInstall, shellBootstrap } from './loaderModule.ts';
import { minifyLua } from './minify.ts';
import { sha256 } from '../hash.ts';

export { federationLoader } from './loaderModule.ts';

const LUA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lua');

export function registryProcessTemplate(): string {
  return readFileSync(path.join(LUA_DIR, 'registry-process.lua')).toString('latin1');
}

/** sha256 of the loader as the registry delivers it (the bytes of the message Data). */
export const loaderHash = (): string => sha256(Buffer.from(latin1ToUtf8(federationLoader()), 'utf8'));

/** `function(...) <text> end`, text verbatim; a shebang line becomes a comment. */
/** A file's text as bundled: a leading `#!` line commented out, and a final newline. */
function moduleBody(text: string): string {
  const body = text.startsWith('#') ? `--${text}` : text;
  return body.endsWith('\n') ? body : `${body}\n`;
}

export function moduleFunction(text: string): string {
  return `function(...)\n${moduleBody(text)}end`;
}

function preload(mod: BundleModule): string {
  const q = luaQuote(mod.name);
  // Re-evaluating a bundle (an updated monolith) must run the new code, not a cached instance.
  return `package.loaded[${q}] = nil\npackage.preload[${q}] = ${moduleFunction(mod.text)}\n`;
}

function entry(proc: BundleProcess, run = '__ao_federate_entry()'): string {
  return `do\nlocal __ao_federate_entry = ${moduleFunction(proc.entryText)}\n${run}\nend\n`;
}

// One short line: on a process of 1.4 KB it is a share of the shell (issue 16: the sum of shells
// within 5 % of the floor); the module list is in `migrate bundle --json`.
function header(kind: string, what: string, count: number): string {
  return `-- migrate bundle: ${kind} ${what}, ${count} module(s); do not edit\n`;
}

function nameList(names: string[]): string {
  return `{ ${names.map(luaQuote).join(', ')} }`;
}

function moduleRecord(mod: BundleModule, withLoader: boolean): string {
  const fields = [`name = ${luaQuote(mod.name)}`, `version = ${luaQuote(mod.version ?? '0.0.0')}`, `hash = ${luaQuote(mod.hash)}`];
  return withLoader ? `{ ${fields.join(', ')}, loader = ${moduleFunction(mod.text)} }` : `{ ${fields.join(', ')} }`;
}

function fallback(mod: BundleModule): string {
  return `Federation.register(${luaQuote(mod.name)}, { origin = "fallback", version = ${luaQuote(mod.version ?? '0.0.0')}, hash = ${luaQuote(mod.hash)}, loader = ${moduleFunction(mod.text)} })\n`;
}

function loaderPrelude(graph: BundleGraph, buildMode: string): string {
  return `${loaderInstall(graph.loaderName)}Federation.buildMode = ${luaQuote(buildMode)}\nFederation.namespace = Federation.namespace or ${luaQuote(graph.namespace)}\n`;
}

/** The monolith of one process: every module it reaches. With Federation.require in the sources,
 * the loader comes too and runtime modules are its fallbacks (buildMode "monolith"). */
export function emitMonolith(graph: BundleGraph, proc: BundleProcess): string {
  const mods = proc.closure.map((n) => graph.modules.get(n)!);
  let out = header('monolith', proc.name, mods.length);
  // An entry that requires no project module is its own bundle, as `aos --load` delivers it:
  // no frame to pay for.
  if (!proc.usesFederation && mods.length === 0) return out + moduleBody(proc.entryText);
  if (!proc.usesFederation) {
    for (const m of mods) out += preload(m);
    return out + entry(proc);
  }
  out += loaderPrelude(graph, 'monolith');
  for (const m of mods) if (m.runtime) out += fallback(m);
  out += `Federation.declareProcess(${nameList(proc.processModules.map((k) => graph.modules.get(k)!.name))})\n`;
  for (const m of mods) if (!m.runtime) out += preload(m);
  return out + entry(proc);
}

/**
 * federated/runtime.lua: the loader, every runtime module with version and hash, the manifest.
 * Modules travel as source strings (minified one by one under --minify, the whole-file minifier
 * leaves strings alone) and are compiled at their first require: evaluating the runtime costs a
 * process the text of the modules, never the compiled code of modules it does not use.
 */
export function emitRuntime(graph: BundleGraph, opts: { minify?: boolean } = {}): string {
  const mods = graph.runtimeModules.map((n) => graph.modules.get(n)!);
  const source = (m: BundleModule) => luaQuote(opts.minify ? minifyLua(m.text, m.path) : m.text);
  let out = header('runtime', graph.runtimeVersion, mods.length) + loaderInstall(graph.loaderName);
  out += `Federation.installRuntime({\n  version = ${luaQuote(graph.runtimeVersion)},\n  namespace = ${luaQuote(graph.namespace)},\n`;
  out += `  manifest = {\n${mods.map((m) => `    ${moduleRecord(m, false)},\n`).join('')}  },\n`;
  out += `  modules = {\n${mods.map((m) => `{ name = ${luaQuote(m.name)}, version = ${luaQuote(m.version ?? '0.0.0')}, hash = ${luaQuote(m.hash)}, source = ${source(m)} },\n`).join('')}  },\n})\n`;
  // Collect the chunk's garbage before a shell is compiled: measured on the example, a shell
  // compiled while it is alive leaves the process about 16 KiB bigger after boot.
  return `${out}Federation.addStatusHandler()\ncollectgarbage()\n`;
}

/** The canonical manifest of `mods` (the loader's F.manifestText): "name version hash\n", sorted by name. */
export function manifestText(mods: BundleModule[]): string {
  return [...mods]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((m) => `${m.name} ${m.version ?? '0.0.0'} ${m.hash}\n`)
    .join('');
}

/**
 * `Federation.expect` of the runtime modules a shell uses (every shell carries it): their names
 * and ONE sha256 over their canonical manifest, checked when a registry delivers them (a hash
 * per module would cost each shell ~75 bytes per runtime module it uses).
 */
function expectList(shared: BundleModule[]): string {
  if (!shared.length) return '';
  return `Federation.expect({ ${frontCoded(shared.map((m) => m.name)).join(', ')} }, ${luaQuote(sha256(manifestText(shared)))})\n`;
}

/**
 * Names sorted and front-coded as Lua items `shared, "suffix"` (shared: characters in common
 * with the previous name; the loader's F.expect decodes them). Runtime names share long
 * prefixes (`runtime.data.species.`), so this halves the bytes every shell spends on them.
 */
export function frontCoded(names: string[]): string[] {
  let prev = '';
  return [...names]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => {
      let k = 0;
      while (k < prev.length && k < name.length && prev.charCodeAt(k) === name.charCodeAt(k)) k++;
      prev = name;
      return `${k}, ${luaQuote(name.slice(k))}`;
    });
}

/**
 * A shell: the process's own modules and entry. A hybrid shell carries the loader and fallback
 * copies of the runtime modules it uses (it must boot alone); a federated shell only the
 * bootstrap, which finds the runtime's loader (or fetches it from the registry) and then
 * declares the process and runs the entry.
 */
export function emitShell(graph: BundleGraph, proc: BundleProcess, hybrid: boolean): string {
  const own = proc.processModules.map((n) => graph.modules.get(n)!);
  const shared = proc.runtimeModules.map((n) => graph.modules.get(n)!);
  let out = header(hybrid ? 'hybrid shell' : 'federated shell', proc.name, own.length + (hybrid ? shared.length : 0));
  if (hybrid) {
    out += loaderPrelude(graph, 'hybrid') + expectList(shared);
    for (const m of shared) out += fallback(m);
    out += `Federation.declareProcess(${nameList(proc.processModules.map((k) => graph.modules.get(k)!.name))})\nFederation.prune()\n`;
    for (const m of own) out += preload(m);
    out += 'Federation.addStatusHandler()\n';
    // Registry delivery: the entry waits until the registry has sent the runtime modules.
    return out + entry(proc, 'Federation.whenReady(__ao_federate_entry)');
  }
  out += shellBootstrap(graph.loaderName, loaderHash());
  // The own names once: reset their cached instances (a re-evaluated shell runs the new code), then declared.
  // The own modules as ONE table (name -> function): each name is written once, and the loop
  // resets their cached instances (a re-evaluated shell runs the new code) and preloads them.
  out += `local __ao_federate_own = {\n${own.map((m) => `[${luaQuote(m.name)}] = ${moduleFunction(m.text)},\n`).join('')}}\n`;
  out += 'for n, f in pairs(__ao_federate_own) do package.loaded[n] = nil package.preload[n] = f end\n';
  out += `do\nlocal __ao_federate_entry = ${moduleFunction(proc.entryText)}\n__ao_federate_boot(function(Federation)\n`;
  out += `Federation.buildMode = "federated"\nFederation.namespace = Federation.namespace or ${luaQuote(graph.namespace)}\n`;
  out +=
    expectList(shared) +
    'Federation.declareProcess(__ao_federate_own)\nFederation.prune()\nFederation.addStatusHandler()\nFederation.whenReady(__ao_federate_entry)\nend)\nend\n';
  return out;
}

/** The registry process (delivery option b): module sources as exact strings + the request handler. */
export function emitRegistry(graph: BundleGraph): string {
  const mods = graph.runtimeModules.map((n) => graph.modules.get(n)!);
  let out = header('registry process', `runtime ${graph.runtimeVersion}`, mods.length);
  out += `FederationRegistry = { version = ${luaQuote(graph.runtimeVersion)}, modules = {\n`;
  // The loader itself, for federated shells spawned without a runtime (their bootstrap asks).
  out += `  [${luaQuote(graph.loaderName)}] = { version = "loader", hash = ${luaQuote(loaderHash())}, source = ${luaQuote(federationLoader())} },\n`;
  for (const m of mods) {
    out += `  [${luaQuote(m.name)}] = { version = ${luaQuote(m.version ?? '0.0.0')}, hash = ${luaQuote(m.hash)}, source = ${luaQuote(m.text)} },\n`;
  }
  return `${out}} }\n${registryProcessTemplate()}`;
}
