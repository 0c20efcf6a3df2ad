// Rewrites require names in place: only the text between the quotes (or long brackets)
// changes, so the require's form, quote style and everything around it stay byte-identical.
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import type { Tree, Workspace } from '../../../src/files/tree.ts';
import type { TextEdit } from '../../../src/transform/types.ts';
import { applyTextEdits, encodeLua } from '../../../src/parse/luaSource.ts';
import { luaFileFacts, rememberRenamedFacts } from '../../../src/graph/luaFiles.ts';
import type { RequireSite } from '../../../src/graph/requireSites.ts';
import { luaFiles, luaFilesRequiring } from './luaProject.ts';

/** Edits `file` through `edit(site, text) -> TextEdit[]`; writes only when something changed. */
export function editRequireSites(tree: Tree, file: string, edit: (site: RequireSite, text: string) => TextEdit[]): number {
  const bytes = tree.read(file);
  if (!bytes) return 0;
  // Only the kept facts are used (never the tree): this runs on every file for every step.
  const { error, sites, text, bom } = luaFileFacts(bytes, file);
  if (error) return 0; // unparseable files are reported by the graph, never edited
  const edits = sites.flatMap((s) => edit(s, text));
  if (!edits.length) return 0;
  const after = encodeLua(applyTextEdits(text, edits), bom);
  rememberRenamedFacts(bytes, file, after, edits);
  tree.write(file, after);
  return edits.length;
}

/** Renames required modules in every Lua file of the project: `rename(name)` gives the new name. */
export function renameRequires(tree: Tree, config: ProjectConfig, rename: (name: string) => string | undefined, files = luaFiles(tree, config)): number {
  let count = 0;
  for (const file of files) {
    count += editRequireSites(tree, file, (site) => {
      const to = rename(site.name);
      return to === undefined || to === site.name ? [] : [{ start: site.nameRange[0], end: site.nameRange[1], text: to }];
    });
  }
  return count;
}

/**
 * The `callers` param of the moving transforms: for every Lua file requiring any of `names`,
 * those requires' names in source order, kept when `keep(hits)` holds. Recorded before the
 * step because afterwards every caller says the same new name; the inverse reads it back.
 * Only files requiring one of `names` can have hits, so only those are looked at.
 */
export function requiredNamesByFile(tree: Workspace, config: ProjectConfig, names: Set<string>, keep: (hits: string[]) => boolean): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const file of luaFilesRequiring(tree, config, names)) {
    const bytes = tree.read(file);
    if (!bytes) continue;
    const hits = luaFileFacts(bytes, file)
      .sites.filter((s) => names.has(s.name))
      .map((s) => s.name);
    if (keep(hits)) out[file] = hits;
  }
  return out;
}

/** Moves a file (kept byte-identical) unless it is already there. */
export function moveFile(tree: Tree, from: string, to: string): boolean {
  if (from === to || !tree.exists(from) || tree.exists(to)) return false;
  tree.rename(from, to);
  return true;
}
