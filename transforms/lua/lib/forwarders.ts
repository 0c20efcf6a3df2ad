// Forwarding modules: when a module moves (to the runtime, into a process, merged), code the
// migration does not rewrite may still require it by its old name: the project's own tests and
// specs (config.exclude), scripts outside the source root. Rather than editing those files
// (excluded files are never rewritten), the moving step leaves one line at the old path,
//   return require("runtime.x") -- ao-federate: ...
// so `require("x")` under the project's own package.path still loads the same module instance.
// Only names some non-rewritten file requires get one (a file that preloads the name itself,
// an amalg bundle, does not count); the inverse removes exactly that text.
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import type { Tree } from '../../../src/files/tree.ts';
import { requireIndexOf } from '../../../src/graph/requireNameIndex.ts';
import { luaFileFacts } from '../../../src/graph/luaFiles.ts';
import { isEditedLua } from './luaProject.ts';
import { moduleRefs } from './moduleRefs.ts';

export const forwarderText = (newName: string): string =>
  `return require("${newName}") -- ao-federate: moved to ${newName}; kept for code the migration does not rewrite (tests, scripts)\n`;

/** true when `bytes` is exactly the forwarder to `newName`. */
export const isForwarder = (bytes: Buffer | undefined, newName: string): boolean => !!bytes && bytes.toString('latin1') === forwarderText(newName);

/** Lua files the moving transforms do not rewrite (toolkit output and node_modules left out). */
function untouchedRequirers(tree: Tree, config: ProjectConfig, names: ReadonlySet<string>): string[] {
  const index = requireIndexOf(tree);
  const candidates = index ? index.filesRequiring(names) : tree.list().filter((p) => p.endsWith('.lua'));
  return candidates.filter(
    (p) => p.endsWith('.lua') && !isEditedLua(config, p) && !p.startsWith(`${config.buildDir}/`) && !p.split('/').includes('node_modules'),
  );
}

/** Of `oldNames`, those some file outside the rewritten set requires without preloading it itself. */
export function namesRequiredOutside(tree: Tree, config: ProjectConfig, oldNames: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  if (!oldNames.size) return out;
  // `.x` loads the file of `x` too (the leading dot is dropped): a spec requiring `.x` needs x's forwarder.
  const spelt = new Set([...oldNames].flatMap((n) => [n, `.${n}`]));
  const canonical = (n: string): string => (oldNames.has(n) ? n : n.slice(1));
  for (const file of untouchedRequirers(tree, config, spelt)) {
    const bytes = tree.read(file);
    if (!bytes) continue;
    const preloaded = new Set(
      moduleRefs(bytes, file)
        .filter((r) => r.table === 'preload')
        .map((r) => r.name),
    );
    for (const s of luaFileFacts(bytes, file).sites) if (spelt.has(s.name) && !preloaded.has(s.name)) out.add(canonical(s.name));
  }
  return out;
}

export interface Moved {
  oldName: string;
  oldPath: string;
  newName: string;
}

/** Writes a forwarder at the old path of every moved module still required from outside. */
export function writeForwarders(tree: Tree, config: ProjectConfig, moved: readonly Moved[], report: (n: string) => void): void {
  const needed = namesRequiredOutside(tree, config, new Set(moved.map((m) => m.oldName)));
  let n = 0;
  for (const m of moved) {
    if (!needed.has(m.oldName) || tree.exists(m.oldPath)) continue;
    tree.write(m.oldPath, forwarderText(m.newName));
    n++;
  }
  if (n) report(`kept ${n} forwarding module(s) at the old paths: files outside the migration (tests, scripts) still require the old names`);
}

/** Removes the forwarder at `path` (inverse); true when there was one. */
export function removeForwarder(tree: Tree, path: string, newName: string): boolean {
  if (!isForwarder(tree.read(path), newName)) return false;
  tree.delete(path);
  return true;
}
