// Everything that must follow a module when it gets a new name, in one call for the moving
// transforms (move-to-runtime, specialise-process, merge-exact-copies): its requires, its
// names held as strings (package.loaded / package.preload keys) and, for code the step does not
// rewrite, a forwarding module at the old path. The inverse undoes the three.
import { MigrateError } from '../../../src/errors.ts';
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import type { Tree } from '../../../src/files/tree.ts';
import { luaFiles, luaFilesRequiring } from './luaProject.ts';
import { renameRequires } from './rewriteRequires.ts';
import { moduleRefs, renameModuleRefs } from './moduleRefs.ts';
import { removeForwarder, writeForwarders, type Moved } from './forwarders.ts';

export interface RenameOptions {
  /**
   * Old names whose string references the inverse could not tell apart from another name's
   * (an alias of a symlinked file, a merged copy): a step meeting one refuses with its location.
   */
  ambiguous?: ReadonlySet<string>;
}

/** Refuses (PLAN-231) a string reference to an ambiguous name, naming file:line:col. */
function refuseAmbiguousRefs(tree: Tree, files: readonly string[], ambiguous: ReadonlySet<string>, renames: ReadonlyMap<string, string>): void {
  if (!ambiguous.size) return;
  for (const file of files) {
    const bytes = tree.read(file);
    const ref = bytes && moduleRefs(bytes, file).find((r) => ambiguous.has(r.name));
    if (!ref) continue;
    throw new MigrateError(
      'PLAN-231',
      `package.${ref.table}["${ref.name}"] names '${ref.name}', which this step merges into '${renames.get(ref.name)}' together with other names; undoing it could not tell which name the string had`,
      {
        location: { file, line: ref.line, column: ref.column },
        hint: `use the module's canonical name in that string (the step then rewrites it exactly), then run 'migrate plan' again`,
      },
    );
  }
}

/** Renames requires and string references of `renames` in every rewritten file; forwards `moved` for the others. */
export function renameModules(
  tree: Tree,
  config: ProjectConfig,
  renames: ReadonlyMap<string, string>,
  moved: readonly Moved[],
  report: (n: string) => void,
  opts: RenameOptions = {},
): void {
  if (!renames.size) return;
  const files = luaFiles(tree, config);
  refuseAmbiguousRefs(tree, files, opts.ambiguous ?? new Set(), renames);
  renameRequires(tree, config, (n) => renames.get(n), luaFilesRequiring(tree, config, renames.keys()));
  const refs = renameModuleRefs(tree, files, (n) => renames.get(n));
  if (refs) report(`rewrote ${refs} package.loaded/package.preload key(s) naming the moved module(s)`);
  writeForwarders(tree, config, moved, report);
}

/**
 * The inverse's share: removes the forwarders of `moved` (before the files move back to those
 * paths) and renames string references back through `back` (new name -> old name). Requires are
 * renamed back by the caller, which knows each site's former name.
 */
export function removeForwarders(tree: Tree, moved: readonly Moved[]): void {
  for (const m of moved) removeForwarder(tree, m.oldPath, m.newName);
}

export function renameRefsBack(tree: Tree, config: ProjectConfig, back: ReadonlyMap<string, string>): void {
  if (back.size) renameModuleRefs(tree, luaFiles(tree, config), (n) => back.get(n));
}
