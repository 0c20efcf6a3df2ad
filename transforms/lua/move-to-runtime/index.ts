// lua/move-to-runtime: moves shared modules into the runtime folder (`runtime.<old name>`)
// and rewrites every require of them in every Lua file of the project, in every form,
// keeping quote style. Aliases (the same file reached through a symlinked folder under a
// second name) only get their requires rewritten: the file itself moves once.
import { z } from 'zod';
import { MigrateError } from '../../../src/errors.ts';
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import type { Transform } from '../../../src/transform/types.ts';
import type { Tree } from '../../../src/files/tree.ts';
import { luaFiles, runtimePrefix } from '../lib/luaProject.ts';
import { moduleNameForPath, resolveModule } from '../../../src/graph/resolveRequire.ts';
import { editRequireSites, moveFile, requiredNamesByFile } from '../lib/rewriteRequires.ts';
import { isForwarder, type Moved } from '../lib/forwarders.ts';
import { removeForwarders, renameModules, renameRefsBack } from '../lib/renameModules.ts';
import { expectedRuntimeDir, renamedPath } from '../lib/modulePaths.ts';

const paramsSchema = z.object({
  modules: z.array(z.string().min(1)).min(1),
  /** Other names of the same files (symlinked folders): requires only. */
  aliases: z.array(z.object({ name: z.string(), of: z.string() })).default([]),
  /** Files that required an alias: file -> the moved names of its requires in source order (for an exact inverse). */
  callers: z.record(z.string(), z.array(z.string())).optional(),
});
export type MoveToRuntimeParams = z.input<typeof paramsSchema>;

/** Where module `name` (now at `from`) lives in the runtime folder: `runtime.<name>` under the same pattern. */
export function runtimePathFor(config: ProjectConfig, from: string, name: string): string {
  return renamedPath(config, from, name, `${runtimePrefix(config)}${name}`);
}

export function checkRuntimeLayout(config: ProjectConfig): void {
  const expected = expectedRuntimeDir(config);
  if (config.runtime.dir !== expected) {
    throw new MigrateError('PLAN-201', `runtime.dir ${config.runtime.dir} does not match sourceRoot/namespace (${expected})`, {
      hint: `set runtime.dir to "${expected}" so that runtime.<name> resolves through the same patterns`,
    });
  }
}

/** Moves `modules` (names relative to sourceRoot) under the runtime folder; returns name map old -> new. */
export function moveModulesToRuntime(
  tree: Tree,
  config: ProjectConfig,
  modules: string[],
  report: (n: string) => void,
  moved: Moved[] = [],
): Map<string, string> {
  checkRuntimeLayout(config);
  const ns = runtimePrefix(config);
  const renames = new Map<string, string>();
  for (const name of modules) {
    if (name.startsWith(ns)) throw new MigrateError('PLAN-202', `module ${name} is already a runtime name`, { hint: 'list old names' });
    const resolved = resolveModule(config, tree, name);
    const target = `${ns}${name}`;
    // A forwarder left by an earlier run of this step: the module is already in the runtime.
    const from = resolved && !isForwarder(tree.read(resolved), target) ? resolved : undefined;
    if (from) {
      const to = runtimePathFor(config, from, name);
      if (tree.exists(to)) {
        throw new MigrateError('PLAN-203', `cannot move ${from}: ${to} already exists`, {
          location: { file: from },
          hint: 'merge the two with lua/merge-exact-copies or rename one of them',
        });
      }
      moveFile(tree, from, to);
      moved.push({ oldName: name, oldPath: from, newName: target });
    } else if (!resolveModule(config, tree, target)) {
      // Merged away by an earlier decision (or renamed by hand): nothing to move, and its
      // requires (if any are left) are still rewritten below.
      report(`skipped ${name}: it resolves to no file`);
    }
    renames.set(name, target);
  }
  if (renames.size) report(`moved ${renames.size} module(s) to ${config.runtime.dir}`);
  return renames;
}

/** `callers` for a move with aliases: files requiring an alias, with their moved names in order. */
export function aliasCallers(tree: Tree, config: ProjectConfig, modules: string[], aliases: { name: string; of: string }[]): Record<string, string[]> {
  const aliasNames = new Set(aliases.map((a) => a.name));
  return requiredNamesByFile(tree, config, new Set([...modules, ...aliasNames]), (hits) => hits.some((n) => aliasNames.has(n)));
}

export const transform: Transform<z.output<typeof paramsSchema>> = {
  id: 'lua/move-to-runtime',
  language: 'lua',
  description: 'Moves shared Lua modules into the runtime folder and rewrites every require of them.',
  params: paramsSchema as unknown as z.ZodType<z.output<typeof paramsSchema>>,
  apply(tree, params, ctx) {
    const moved: Moved[] = [];
    const renames = moveModulesToRuntime(tree, ctx.config, params.modules, ctx.report, moved);
    for (const a of params.aliases) renames.set(a.name, `${runtimePrefix(ctx.config)}${a.of}`);
    renameModules(tree, ctx.config, renames, moved, ctx.report, { ambiguous: new Set(params.aliases.map((a) => a.name)) });
  },
  inverse(tree, params, ctx) {
    const ns = runtimePrefix(ctx.config);
    const back = new Map<string, string>();
    for (const name of params.modules) {
      const at = resolveModule(ctx.config, tree, `${ns}${name}`);
      if (at) {
        const original = renamedPath(ctx.config, at, `${ns}${name}`, name);
        removeForwarders(tree, [{ oldName: name, oldPath: original, newName: `${ns}${name}` }]);
        moveFile(tree, at, original);
        if (moduleNameForPath(ctx.config, original) !== name) ctx.report(`moved back ${original} (name ${name})`);
      }
      back.set(`${ns}${name}`, name);
    }
    // Alias requires cannot be told apart from canonical ones after the move: `callers` (filled
    // by the planner) says which name each site had; without it they come back canonical.
    for (const file of luaFiles(tree, ctx.config)) {
      const recorded = params.callers?.[file];
      let i = 0;
      editRequireSites(tree, file, (site) => {
        const to = back.get(site.name);
        if (to === undefined) return [];
        const name = recorded?.[i++] ?? to;
        return [{ start: site.nameRange[0], end: site.nameRange[1], text: name }];
      });
    }
    renameRefsBack(tree, ctx.config, back);
  },
};
