// What a module exports, following `export *` and `export {x} from` chains, and which
// module a set of imported names "belongs to" (used to point a runtime-entry import back at
// the deep module it came from, so ts/rewrite-imports has an exact inverse).
import type { Workspace } from '../files/tree.ts';
import { parseModule } from './syntax.ts';
import { resolveSpecifier, type PathAlias } from './specifiers.ts';

export interface ModuleExports {
  /** Every name importable from the module (re-exports included; `default` if any). */
  all: Set<string>;
  /** Names the module declares itself. */
  declared: Set<string>;
}

export function moduleExports(ws: Workspace, file: string, aliases: PathAlias[], cache = new Map<string, ModuleExports>()): ModuleExports {
  const hit = cache.get(file);
  if (hit) return hit;
  const result: ModuleExports = { all: new Set(), declared: new Set() };
  cache.set(file, result); // a cycle of `export *` ends here instead of recursing forever
  const text = ws.read(file)?.toString('utf8');
  if (text === undefined) return result;
  const syntax = parseModule(text, file);
  for (const name of syntax.declared) {
    result.all.add(name);
    result.declared.add(name);
  }
  for (const site of syntax.imports) {
    if (site.kind === 'export-from') {
      for (const n of site.named) result.all.add(n.local);
      if (site.namespaceLocal) result.all.add(site.namespaceLocal);
    } else if (site.kind === 'export-all') {
      const target = resolveSpecifier(ws, file, site.specifier, aliases);
      if (target) for (const n of moduleExports(ws, target, aliases, cache).all) if (n !== 'default') result.all.add(n);
    }
  }
  return result;
}

/**
 * The one module of `modules` that `names` come from: the module declaring all of them if
 * exactly one does, else the only module exporting all of them, else undefined (ambiguous).
 */
export function owningModule(names: string[], modules: string[], exportsOf: (m: string) => ModuleExports): string | undefined {
  const candidates = modules.filter((m) => names.every((n) => exportsOf(m).all.has(n)));
  const declaring = candidates.filter((m) => names.every((n) => exportsOf(m).declared.has(n)));
  if (declaring.length === 1) return declaring[0];
  return candidates.length === 1 ? candidates[0] : undefined;
}
