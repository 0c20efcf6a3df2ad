// Params per Lua transform derived from a generated project, and the round-trip check of
// every registered Lua transform on one generated project (used by the property test and by
// ad-hoc exploration scripts).
import type { Transform } from '../../src/transform/types.ts';
import type { ProjectConfig } from '../../src/config/projectConfig.ts';
import { runTransform } from '../../src/transform/runTransform.ts';
import { createTree } from '../../src/stage/stagedTree.ts';
import { specialisationOf } from '../../transforms/lua/specialise-process/index.ts';
import { callersOf } from '../../transforms/lua/merge-exact-copies/index.ts';
import { SOURCE_ROOT, copyName, projectConfig, projectFiles, type GeneratedProject } from './generatedProject.ts';
import { modulePath } from './luaArbitraries.ts';
import { applyChanges, checkRoundTrip, workspaceOf, type Files } from './roundTrip.ts';

export type Setup = { params: unknown; files: Files } | undefined;
type Derive = (g: GeneratedProject, files: Files, moved: () => Files) => Setup;

/** How each transform gets its params (and its starting state) from a generated project. */
export const DERIVE: Record<string, Derive> = {
  'lua/move-to-runtime': (g, files) => ({ params: { modules: [g.modules[0]!.name] }, files }),
  // The planner records every caller's merged names (`callersOf`): derive them the same way.
  'lua/merge-exact-copies': (g, files) => {
    if (g.copyOf === undefined) return undefined;
    const canonical = g.modules[g.copyOf]!.name;
    const copies = [copyName(g)];
    return { params: { canonical, copies, callers: callersOf(createTree(workspaceOf(files)), CONFIG, canonical, copies) }, files };
  },
  'lua/federate-requires': (_g, _f, moved) => ({ params: { process: 'p1' }, files: moved() }),
  'lua/add-hybrid-flag': (_g, files) => ({ params: { process: 'p1' }, files }),
  'lua/write-runtime-manifest': (_g, _f, moved) => ({ params: {}, files: moved() }),
  // Writes one fixed file into the runtime folder: meaningful once modules moved there.
  'lua/write-federation-loader': (_g, _f, moved) => ({ params: {}, files: moved() }),
  // A type-1 clone: the same generated `function M.fN(a, b)` in two or more modules (once in
  // each) with the same line endings (the transform refuses copies whose bytes differ).
  'lua/extract-function-clone': (g, files) => {
    const perN = new Map<string, string[]>();
    for (const m of g.modules) {
      if (m.shape.ending === 'mixed') continue;
      const ns = m.body.flatMap((b) => [...b.matchAll(/^function M\.(f\d+)\(/gm)].map((x) => x[1]!));
      for (const n of new Set(ns))
        if (ns.filter((x) => x === n).length === 1)
          perN.set(`${n}:${m.shape.ending}`, [...(perN.get(`${n}:${m.shape.ending}`) ?? []), modulePath(SOURCE_ROOT, m.name)]);
    }
    const hit = [...perN].find(([, paths]) => paths.length >= 2);
    if (!hit) return undefined;
    const [key, paths] = hit;
    const n = key.split(':')[0]!;
    return { params: { module: `helpers.${n}`, name: n, sites: paths.map((file) => ({ file, target: `M.${n}` })) }, files };
  },
  // The planner lists the moved modules (the inverse needs them): derive them the same way.
  'lua/specialise-process': (_g, _f, moved) => {
    const files = moved();
    return { params: { process: 'p2', modules: specialisationOf(createTree(workspaceOf(files)), CONFIG, 'p2').exclusive }, files };
  },
};

/**
 * Covered by their fixture folders only: extract-inline-duplicate needs inline blocks at given
 * lines in several files; write-federation-loader writes one fixed file next to the runtime.
 */
export const FIXTURES_ONLY = new Set(['lua/extract-inline-duplicate', 'lua/write-federation-loader']);

export const CONFIG = projectConfig(['p1', 'p2']);

/** Every contract violation of every Lua transform on `g` (empty when all hold). */
export function projectProblems(all: Map<string, Transform>, g: GeneratedProject, config: ProjectConfig = CONFIG): string[] {
  const files = projectFiles(g);
  let movedCache: Files | undefined;
  const moved = (): Files => {
    movedCache ??= applyChanges(
      files,
      runTransform(all.get('lua/move-to-runtime')!, workspaceOf(files), { modules: [g.modules[0]!.name] }, { config }).changes,
    );
    return movedCache;
  };
  const problems: string[] = [];
  for (const [id, t] of all) {
    if (t.language !== 'lua' || FIXTURES_ONLY.has(id)) continue;
    const derive = DERIVE[id];
    if (!derive) {
      problems.push(`${id}: no params derivation in the property test`);
      continue;
    }
    const setup = derive(g, files, moved);
    if (!setup) continue;
    try {
      problems.push(...checkRoundTrip(t, setup.files, setup.params, config).problems.map((p) => `${id}: ${p}`));
    } catch (e) {
      problems.push(`${id} threw: ${(e as Error).message}`);
    }
  }
  return problems;
}

export function checkProject(all: Map<string, Transform>, g: GeneratedProject): void {
  const problems = projectProblems(all, g);
  if (problems.length) throw new Error(problems.join('\n'));
}
