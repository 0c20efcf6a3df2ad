// Name <-> path for the moving transforms, in one place. A module that gets a new name gets
// the path `require(newName)` resolves to through the SAME pattern its old path matched
// (`?.lua` stays `?.lua`, `?/init.lua` stays `?/init.lua`), so moved files and rewritten
// requires can never disagree. Every source root works, the project root ('.') included:
// paths are built from segments, never by slicing `sourceRoot.length + 1` characters off.
import { MigrateError } from '../../../src/errors.ts';
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import { patternMatches } from '../../../src/graph/requireGraph.ts';
import { normaliseRoot } from '../../../src/graph/luaFiles.ts';

/** `rel` (relative to the source root) as a project path; the root '.' adds nothing. */
export function underRoot(config: ProjectConfig, rel: string): string {
  const root = normaliseRoot(config.sourceRoot);
  return root ? (rel ? `${root}/${rel}` : root) : rel;
}

/** `file` relative to the source root, or undefined when it lies outside it. */
export function rootRelative(config: ProjectConfig, file: string): string | undefined {
  const root = normaliseRoot(config.sourceRoot);
  if (!root) return file;
  if (file === root) return '';
  return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : undefined;
}

/** The project path `require(name)` loads through `pattern` (default: the first pattern). */
export function pathForName(config: ProjectConfig, name: string, pattern = config.patterns[0]!): string {
  return underRoot(config, pattern.replace('?', name.split('.').join('/')));
}

/** The pattern through which `file` is loaded as `name` (undefined when it is not). */
export function patternOf(config: ProjectConfig, file: string, name: string): string | undefined {
  const mid = name.split('.').join('/');
  const mids = patternMatches(config, file);
  const at = mids.indexOf(mid);
  return at < 0 ? undefined : config.patterns[at];
}

/**
 * Where `file` (loaded today as `oldName`) goes so that `require(newName)` loads it: the same
 * pattern under the new name. Refuses (PLAN-209) a file `oldName` does not load.
 */
export function renamedPath(config: ProjectConfig, file: string, oldName: string, newName: string): string {
  const pattern = patternOf(config, file, oldName);
  if (pattern === undefined) {
    throw new MigrateError(
      'PLAN-209',
      `${file} is not loaded by require("${oldName}") under source root ${config.sourceRoot} (patterns ${config.patterns.join(', ')})`,
      {
        location: { file },
        hint: "the plan is older than the files or the config: run 'migrate plan' again",
      },
    );
  }
  return pathForName(config, newName, pattern);
}

/** The folder runtime modules must live in for `runtime.<name>` to resolve: <sourceRoot>/<namespace>. */
export function expectedRuntimeDir(config: ProjectConfig): string {
  return underRoot(config, config.runtime.namespace);
}
