// Moves whole TS modules and rewrites every specifier that names them, in one batch: each
// file is parsed once and only the string literals change (ts-morph's per-file
// `sourceFile.move()` re-resolves the whole project per move, the known slow path). Used by
// ts/move-to-runtime (lib -> runtime) and by its inverse (runtime -> lib).
import type { Tree } from '../files/tree.ts';
import type { TextEdit } from '../parse/textEdit.ts';
import { parseModule } from './syntax.ts';
import { resolveSpecifier, respecify, type PathAlias } from './specifiers.ts';
import { applyEdits, listSources } from './text.ts';

export interface ModuleMove {
  from: string;
  to: string;
}

/** Stages the moves that are still to do (source present, destination absent); returns them. */
export function relocateModules(tree: Tree, clientRoot: string, aliases: PathAlias[], moves: ModuleMove[]): ModuleMove[] {
  const active = moves.filter((m) => tree.exists(m.from) && !tree.exists(m.to));
  if (active.length === 0) return [];
  const moved = new Map(active.map((m) => [m.from, m.to]));
  const stems = active.map((m) =>
    m.from
      .split('/')
      .pop()!
      .replace(/\.[a-z]+$/, ''),
  );
  const updates = new Map<string, string>();
  for (const file of listSources(tree, clientRoot)) {
    const text = tree.readText(file)!;
    const newLoc = moved.get(file);
    // Cheap filter: a file that moves, or mentions a moved module's name, can need edits.
    if (!newLoc && !stems.some((s) => text.includes(s))) continue;
    const edits: TextEdit[] = [];
    for (const site of parseModule(text, file).imports) {
      const target = resolveSpecifier(tree, file, site.specifier, aliases);
      if (!target) continue;
      const newTarget = moved.get(target);
      if (!newTarget && !newLoc) continue;
      const spec = respecify(site.specifier, target, newLoc ?? file, newTarget ?? target, aliases);
      if (spec !== site.specifier) edits.push({ start: site.literalStart + 1, end: site.literalEnd - 1, text: spec });
    }
    if (edits.length || newLoc) updates.set(file, applyEdits(text, edits, file));
  }
  for (const m of active) tree.rename(m.from, m.to);
  for (const [file, text] of updates) tree.write(moved.get(file) ?? file, text);
  return active;
}
