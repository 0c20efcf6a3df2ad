// lua/merge-exact-copies: the same module at several paths (per-process copied folders)
// becomes one runtime module (`runtime.<canonical>`); requires of every copy are rewired to
// it and the copies are deleted. Copies must be byte-identical: drifted copies are decision
// steps in the plan, and only an explicit `acceptDifferences` (a user's choice of variant,
// which changes behaviour) merges them.
import { z } from 'zod';
import { MigrateError } from '../../../src/errors.ts';
import type { Transform } from '../../../src/transform/types.ts';
import { luaFiles, runtimePrefix } from '../lib/luaProject.ts';
import { resolveModule } from '../../../src/graph/resolveRequire.ts';
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import type { Tree } from '../../../src/files/tree.ts';
import { editRequireSites, requiredNamesByFile } from '../lib/rewriteRequires.ts';
import { moveModulesToRuntime } from '../move-to-runtime/index.ts';
import { pathForName, patternOf } from '../lib/modulePaths.ts';
import { isForwarder, type Moved } from '../lib/forwarders.ts';
import { removeForwarders, renameModules, renameRefsBack } from '../lib/renameModules.ts';

const paramsSchema = z.object({
  canonical: z.string().min(1),
  copies: z.array(z.string().min(1)).min(1),
  /** Set by a decision: the canonical variant replaces differing copies (behaviour change). */
  acceptDifferences: z.boolean().default(false),
  /**
   * Files that required a copy (not the canonical name): file -> the names of its merged
   * requires in source order (`callersOf` computes it; the planner fills it). Required: after
   * the merge every caller says `runtime.<canonical>`, so only this record tells the inverse
   * which name each one had (guessing from folder layout is wrong for some callers).
   */
  callers: z.record(z.string(), z.array(z.string())),
});
type Params = z.output<typeof paramsSchema>;

/** The `callers` param: for every file requiring a copy, its merged names in source order. */
export function callersOf(tree: Tree, config: ProjectConfig, canonical: string, copies: string[]): Record<string, string[]> {
  return requiredNamesByFile(tree, config, new Set([canonical, ...copies]), (hits) => hits.some((n) => n !== canonical));
}

export const transform: Transform<Params> = {
  id: 'lua/merge-exact-copies',
  language: 'lua',
  description: 'Merges identical copies of a module into one runtime module and rewires their callers.',
  params: paramsSchema as unknown as z.ZodType<Params>,
  apply(tree, params, ctx) {
    const { config } = ctx;
    const target = `${runtimePrefix(config)}${params.canonical}`;
    const canonicalPath = resolveModule(config, tree, params.canonical);
    const canonicalBytes = canonicalPath && !isForwarder(tree.read(canonicalPath), target) ? tree.read(canonicalPath)! : undefined;
    const deleted: Moved[] = [];
    for (const copy of params.copies) {
      const at = resolveModule(config, tree, copy);
      if (!at || !canonicalBytes) continue;
      if (!params.acceptDifferences && !tree.read(at)!.equals(canonicalBytes)) {
        throw new MigrateError('PLAN-207', `${copy} (${at}) is not an exact copy of ${params.canonical}`, {
          location: { file: at },
          hint: 'near-duplicates are merged only through a decision step (acceptDifferences: true), since merging changes behaviour',
        });
      }
      tree.delete(at);
      deleted.push({ oldName: copy, oldPath: at, newName: target });
    }
    const moved: Moved[] = [...deleted];
    if (canonicalPath) moveModulesToRuntime(tree, config, [params.canonical], ctx.report, moved);
    const names = new Set([params.canonical, ...params.copies]);
    renameModules(tree, config, new Map([...names].map((n) => [n, target])), moved, ctx.report, { ambiguous: new Set(params.copies) });
    ctx.report(`merged ${params.copies.length + 1} copies of ${params.canonical} into ${target}`);
  },
  inverse(tree, params, ctx) {
    const { config } = ctx;
    const target = `${runtimePrefix(config)}${params.canonical}`;
    const at = resolveModule(config, tree, target);
    if (!at) return;
    const bytes = tree.read(at)!;
    const pattern = patternOf(config, at, target) ?? config.patterns[0]!;
    const original = pathForName(config, params.canonical, pattern);
    const paths = new Map<string, string>([[params.canonical, original]]);
    for (const copy of params.copies) {
      const p = pathForName(config, copy, pattern);
      paths.set(copy, p);
      removeForwarders(tree, [{ oldName: copy, oldPath: p, newName: target }]);
      if (!tree.exists(p)) tree.write(p, bytes);
    }
    removeForwarders(tree, [{ oldName: params.canonical, oldPath: original, newName: target }]);
    tree.rename(at, original);
    // Each caller gets back the name it had, from `callers`; a file not listed required only
    // the canonical name.
    for (const file of luaFiles(tree, config)) {
      const recorded = params.callers[file];
      let i = 0;
      editRequireSites(tree, file, (s) => {
        if (s.name !== target) return [];
        const name = recorded?.[i++] ?? params.canonical;
        return [{ start: s.nameRange[0], end: s.nameRange[1], text: name }];
      });
    }
    renameRefsBack(tree, config, new Map([[target, params.canonical]]));
  },
};
