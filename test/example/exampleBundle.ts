// Test-local helpers for the example monolith: a small require resolver (dotted names relative
// to sourceRoot) and a package.preload-style monolith bundler. Used by the example's own tests
// only when the real graph (src/graph) and bundler (src/bundle) are not available.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const EXAMPLE_ROOT = path.resolve(import.meta.dirname, '../../examples/pokerogue-ao');
export const SOURCE_ROOT = path.join(EXAMPLE_ROOT, 'ao-processes');
export const PROCESSES = ['coordinator', 'battle', 'pokemon', 'economy', 'security', 'admin'] as const;

// require("x"), require 'x', require [[x]], pcall(require, "x"); comments are stripped first.
const REQUIRE_RE = /\brequire\s*\(?\s*(?:"([^"]+)"|'([^']+)'|\[\[([^\]]+)\]\])|pcall\s*\(\s*require\s*,\s*(?:"([^"]+)"|'([^']+)')/g;

function stripComments(text: string): string {
  return text.replace(/--\[(=*)\[[\s\S]*?\]\1\]/g, '').replace(/--[^\n]*/g, '');
}

export function moduleFile(name: string, root = SOURCE_ROOT): string | undefined {
  const rel = name.replace(/\./g, '/');
  for (const candidate of [`${rel}.lua`, `${rel}/init.lua`]) {
    const file = path.join(root, candidate);
    if (existsSync(file)) return file;
  }
  return undefined;
}

export function requiresOf(text: string): string[] {
  const names = new Set<string>();
  for (const m of stripComments(text).matchAll(REQUIRE_RE)) {
    const name = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5];
    if (name) names.add(name);
  }
  return [...names];
}

export interface Closure {
  /** Module name -> absolute file, in first-visit order (entry excluded). */
  modules: Map<string, string>;
  /** Names required but not found under sourceRoot (aos builtins such as json). */
  unresolved: Set<string>;
}

export function closureOf(entryFile: string, root = SOURCE_ROOT): Closure {
  const modules = new Map<string, string>();
  const unresolved = new Set<string>();
  const visit = (file: string) => {
    for (const name of requiresOf(readFileSync(file, 'utf8'))) {
      if (modules.has(name) || unresolved.has(name)) continue;
      const target = moduleFile(name, root);
      if (!target) {
        unresolved.add(name);
        continue;
      }
      modules.set(name, target);
      visit(target);
    }
  };
  visit(entryFile);
  return { modules, unresolved };
}

export function entryFile(processName: string, root = SOURCE_ROOT): string {
  return path.join(root, processName, 'main.lua');
}

function preloadChunks(modules: Map<string, string>): string[] {
  const parts: string[] = [];
  for (const name of [...modules.keys()].sort()) {
    const text = readFileSync(modules.get(name)!, 'utf8').replace(/^\uFEFF/, '');
    parts.push(`package.loaded[${JSON.stringify(name)}] = nil`);
    parts.push(`package.preload[${JSON.stringify(name)}] = function(...)\n${text}\nend`);
  }
  return parts;
}

/** Every module wrapped in a function under package.preload, the entry run last. */
export function bundleMonolith(processName: string, root = SOURCE_ROOT): string {
  const entry = entryFile(processName, root);
  const parts = [`-- monolith bundle of ${processName} (test bundler)`, ...preloadChunks(closureOf(entry, root).modules)];
  parts.push(`do\n${readFileSync(entry, 'utf8').replace(/^\uFEFF/, '')}\nend`);
  return parts.join('\n');
}

/** Preloads for a module and its closure, without running anything (for the Lua tests). */
export function bundlePreloads(moduleName: string): string {
  const file = moduleFile(moduleName);
  if (!file) throw new Error(`no module ${moduleName} under ${SOURCE_ROOT}`);
  const { modules } = closureOf(file);
  modules.set(moduleName, file);
  return preloadChunks(modules).join('\n');
}
