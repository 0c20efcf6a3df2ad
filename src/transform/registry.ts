// The transform registry: discovers transforms/<lang>/<id>/index.ts (one transform per folder,
// `export const transform`, its fixtures beside it in <id>/fixtures/), so adding a transform
// adds one folder. Folders without an index (transforms/lua/lib) are shared code, not
// transforms. A TransformRegistry made with extra folders of the same shape adds theirs: a
// caller passes it in (Project.transforms), which is how the engine's tests plug in their own.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MigrateError } from '../errors.ts';
import { MODULE_EXT, TOOLKIT_ROOT } from '../toolkitRoot.ts';
import type { Transform } from './types.ts';

export const TRANSFORM_DIRS = [path.join(TOOLKIT_ROOT, 'transforms', 'lua'), path.join(TOOLKIT_ROOT, 'transforms', 'ts')];

async function discover(dirs: readonly string[]): Promise<Map<string, Transform>> {
  const found = new Map<string, Transform>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const file of transformEntries(dir)) {
      const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { transform?: Transform };
      const t = mod.transform;
      if (!t) continue;
      if (found.has(t.id)) {
        throw new MigrateError('PLAN-020', `two transforms share the id '${t.id}'`, {
          location: { file: path.join(dir, file) },
          hint: 'transform ids must be unique: rename one of the folders and its id',
        });
      }
      found.set(t.id, t);
    }
  }
  return found;
}

/**
 * The transform entry modules of one folder, relative to it and in name order: `<id>/index.ts`
 * (`.js` in the compiled package; extra folders from tests are .ts).
 */
function transformEntries(dir: string): string[] {
  const index = `index${TRANSFORM_DIRS.includes(dir) ? MODULE_EXT : '.ts'}`;
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, index)))
    .map((d) => `${d.name}/${index}`)
    .sort();
}

export class TransformRegistry {
  private found: Promise<Map<string, Transform>> | undefined;
  private readonly dirs: string[];

  /** `extraDirs`: folders of transforms besides the toolkit's. */
  constructor(extraDirs: readonly string[] = []) {
    this.dirs = [...TRANSFORM_DIRS, ...extraDirs.map((d) => path.resolve(d))];
  }

  /** Every registered transform by id (discovered once per registry). */
  load(): Promise<Map<string, Transform>> {
    this.found ??= discover(this.dirs).catch((e: unknown) => {
      this.found = undefined;
      throw e;
    });
    return this.found;
  }

  /**
   * The ids of every registered transform, importing only the extra folders: a built-in
   * transform's id is its language and folder name (`transforms/lua/move-to-runtime/index.ts` is
   * `lua/move-to-runtime`, checked by test/engine/transformIds.test.ts), so validating a plan
   * (`migrate status`) does not load the TypeScript compiler the ts/ transforms use.
   */
  async ids(): Promise<Set<string>> {
    if (this.found || this.dirs.length > TRANSFORM_DIRS.length) return new Set((await this.load()).keys());
    const ids = new Set<string>();
    for (const dir of TRANSFORM_DIRS) {
      if (!existsSync(dir)) continue;
      for (const entry of transformEntries(dir)) ids.add(`${path.basename(dir)}/${path.dirname(entry)}`);
    }
    return ids;
  }

  /** The transform with this id, or PLAN-021 naming the known ids. */
  async get(id: string): Promise<Transform> {
    const all = await this.load();
    const t = all.get(id);
    if (!t) {
      throw new MigrateError('PLAN-021', `unknown transform '${id}'`, {
        hint: `known transforms: ${[...all.keys()].sort().join(', ') || '(none)'}`,
      });
    }
    return t;
  }
}

/**
 * The toolkit's own transforms. Module-level on purpose: it holds imports of the toolkit's own
 * code, which Node's module cache keeps per process anyway, the same for every run.
 */
export const builtInTransforms = new TransformRegistry();

export const loadTransforms = (): Promise<Map<string, Transform>> => builtInTransforms.load();
export const transformIds = (): Promise<Set<string>> => builtInTransforms.ids();
export const getTransform = (id: string): Promise<Transform> => builtInTransforms.get(id);

/** The registry a project's plans use: its own when one was passed in (tests), else the toolkit's. */
export function registryOf(project: { transforms?: object }): TransformRegistry {
  return project.transforms instanceof TransformRegistry ? project.transforms : builtInTransforms;
}
