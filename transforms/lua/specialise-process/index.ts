// lua/specialise-process: turns a process into a shell. Modules in shared folders that only
// this process uses move into the process's own tree (`<process dir>/<old path>`, required
// as `<process>.<old name>`); modules in its folder that its entry never reaches are reported,
// never deleted. What the runtime provides stays in the runtime.
import { z } from 'zod';
import { MigrateError } from '../../../src/errors.ts';
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import type { Transform } from '../../../src/transform/types.ts';
import type { Tree } from '../../../src/files/tree.ts';
import { isRuntimePath, luaFilesRequiring, processClosure, processHome, reachedByOthers } from '../lib/luaProject.ts';
import { moduleNameForPath, packageFiles, resolveModule } from '../../../src/graph/resolveRequire.ts';
import { normaliseRoot } from '../../../src/graph/luaFiles.ts';
import { moveFile, renameRequires } from '../lib/rewriteRequires.ts';
import { renamedPath } from '../lib/modulePaths.ts';
import { isForwarder, type Moved } from '../lib/forwarders.ts';
import { removeForwarders, renameModules, renameRefsBack } from '../lib/renameModules.ts';
import { sameFile } from '../lib/fileIdentity.ts';

const paramsSchema = z.object({
  process: z.string().min(1),
  /** Module names to move (the planner lists them so the inverse knows them). */
  modules: z.array(z.string()).optional(),
});
type Params = z.infer<typeof paramsSchema>;

function home(config: ProjectConfig, name: string) {
  try {
    return processHome(config, name);
  } catch {
    throw new MigrateError('PLAN-204', `unknown process ${name}`, { hint: `one of: ${config.processes.map((p) => p.name).join(', ')}` });
  }
}

/** Shared-folder modules reachable only from `processName` (names), and its unreachable own files. */
export function specialisationOf(tree: Tree, config: ProjectConfig, processName: string): { exclusive: string[]; unreachable: string[] } {
  const h = home(config, processName);
  const mine = processClosure(tree, config, processName);
  const processDirs = config.processes.map((p) => home(config, p.name).dir);
  // A process whose folder is the source root already holds every module: nothing moves in.
  const ownsRoot = h.dir === normaliseRoot(config.sourceRoot);
  const packaged = packageFiles(config);
  const candidates = (ownsRoot ? [] : mine).filter((f) => !isRuntimePath(config, f) && !packaged.has(f) && !processDirs.some((d) => f.startsWith(`${d}/`)));
  const others = reachedByOthers(tree, config, processName, candidates);
  const exclusive = candidates
    .filter((f) => !others.has(f))
    .map((f) => moduleNameForPath(config, f))
    .filter((n): n is string => !!n)
    .sort();
  const reached = new Set(mine);
  const unreachable = tree.list(h.dir).filter((f) => f.endsWith('.lua') && !reached.has(f));
  return { exclusive, unreachable };
}

/** Where module `name` (at `from`) goes in the process's tree: `<process prefix><name>`, same pattern. */
const targetOf = (config: ProjectConfig, processName: string, from: string, name: string): string =>
  renamedPath(config, from, name, `${home(config, processName).prefix}${name}`);

export const transform: Transform<Params> = {
  id: 'lua/specialise-process',
  language: 'lua',
  description: "Moves modules only one process uses into that process's own folder and reports its unreachable modules.",
  params: paramsSchema,
  apply(tree, params, ctx) {
    const { config } = ctx;
    const h = home(config, params.process);
    const found = specialisationOf(tree, config, params.process);
    const modules = params.modules ?? found.exclusive;
    const renames = new Map<string, string>();
    const moved: Moved[] = [];
    for (const name of modules) {
      const target = `${h.prefix}${name}`;
      const from = resolveModule(config, tree, name);
      if (!from || isForwarder(tree.read(from), target)) continue; // already moved
      const to = targetOf(config, params.process, from, name);
      if (tree.exists(to)) {
        if (sameFile(tree, from, to)) {
          // The process folder links to the shared folder: the file is already in its tree.
          ctx.report(`${params.process}: ${name} is already in ${h.dir} as ${to} (a symlinked folder): not moved`);
          continue;
        }
        throw new MigrateError('PLAN-208', `cannot move ${from} into ${params.process}: ${to} exists`, {
          location: { file: to },
          hint: 'rename one of the two modules first',
        });
      }
      moveFile(tree, from, to);
      renames.set(name, target);
      moved.push({ oldName: name, oldPath: from, newName: target });
    }
    renameModules(tree, config, renames, moved, ctx.report);
    if (renames.size) ctx.report(`${params.process}: ${renames.size} module(s) moved into ${h.dir}`);
    for (const f of found.unreachable) ctx.report(`${params.process}: ${f} is not reachable from ${h.entry} (kept)`);
  },
  inverse(tree, params, ctx) {
    const { config } = ctx;
    if (!params.modules) {
      throw new MigrateError('PLAN-206', 'the inverse of lua/specialise-process needs the moved module list', {
        hint: 'plans list `modules`; the engine reverts from recorded pre-images',
      });
    }
    const h = home(config, params.process);
    const back = new Map<string, string>();
    for (const name of params.modules) {
      const at = resolveModule(config, tree, `${h.prefix}${name}`);
      if (!at) continue;
      const original = renamedPath(config, at, `${h.prefix}${name}`, name);
      removeForwarders(tree, [{ oldName: name, oldPath: original, newName: `${h.prefix}${name}` }]);
      moveFile(tree, at, original);
      back.set(`${h.prefix}${name}`, name);
    }
    renameRequires(tree, config, (n) => back.get(n), luaFilesRequiring(tree, config, back.keys()));
    renameRefsBack(tree, config, back);
  },
};
