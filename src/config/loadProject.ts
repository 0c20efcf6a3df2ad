// Finds the project a command works on: --project <dir>, else the nearest folder holding
// migrate.config.json from the current directory upward (like git). Never the embedded example
// by default: run outside a project, a command that plans or applies would otherwise work on the
// toolkit's own files (inside node_modules when installed). `--example` (and `migrate demo`)
// ask for the example explicitly.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { MigrateError } from '../errors.ts';
import { CONFIG_FILE, validateConfig, type ProjectConfig } from './projectConfig.ts';
import { PACKAGE_ROOT, TOOLKIT_ROOT } from '../toolkitRoot.ts';

export { TOOLKIT_ROOT };
export const EXAMPLE_DIR = path.join(PACKAGE_ROOT, 'examples', 'pokerogue-ao');

export interface Project {
  /** Absolute, symlink-resolved project root. */
  root: string;
  config: ProjectConfig;
  /** true when the embedded example was asked for (--example). */
  isExample: boolean;
  /**
   * The transforms plans may name (a TransformRegistry; default: the toolkit's own; tests add
   * theirs). Opaque here so the config layer does not import the transform layer above it:
   * `registryOf(project)` (src/transform/registry.ts) reads it.
   */
  transforms?: object;
}

export interface ProjectOptions {
  project?: string;
  cwd: string;
  /** --example: work on the embedded example (never implied). */
  example?: boolean;
}

/**
 * --project names a file or a path that does not exist: say so, with a command that works
 * (not "no config ... run 'migrate init <file>'", which fails on a file).
 */
function refuseNonFolder(dir: string, given: string): void {
  if (!existsSync(dir)) {
    const parent = path.dirname(dir);
    throw new MigrateError('CFG-015', `--project ${given}: no such folder (${dir} does not exist)`, {
      location: { file: dir },
      hint: existsSync(parent)
        ? `check the path given to --project (the folder holding ${CONFIG_FILE}); 'migrate init ${parent}' detects a project in the folder above`
        : `check the path given to --project (the folder holding ${CONFIG_FILE})`,
    });
  }
  if (!statSync(dir).isDirectory()) {
    const folder = path.dirname(dir);
    const isConfig = path.basename(dir) === CONFIG_FILE;
    throw new MigrateError('CFG-016', `--project ${dir} is a file; --project takes the project folder`, {
      location: { file: dir },
      hint:
        isConfig || existsSync(path.join(folder, CONFIG_FILE))
          ? `use '--project ${folder}'`
          : `use '--project ${folder}', after 'migrate init ${folder}' writes its ${CONFIG_FILE}`,
    });
  }
}

/** The nearest folder from `start` upward that holds migrate.config.json, or undefined. */
export function findConfigUpward(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The project folder for the options; throws CFG-001 / CFG-015 / CFG-016 / CLI-003 with a hint that works. */
export function resolveProjectDir(opts: ProjectOptions): { dir: string; isExample: boolean } {
  if (opts.example && opts.project) {
    throw new MigrateError('CLI-003', '--example and --project name two different projects', { hint: 'give one of them' });
  }
  if (opts.example) return { dir: EXAMPLE_DIR, isExample: true };
  if (opts.project !== undefined) {
    const dir = path.resolve(opts.cwd, opts.project);
    refuseNonFolder(dir, opts.project);
    if (!existsSync(path.join(dir, CONFIG_FILE))) {
      throw new MigrateError('CFG-001', `no ${CONFIG_FILE} in ${dir}`, {
        location: { file: path.join(dir, CONFIG_FILE) },
        hint: `run 'migrate init ${path.relative(opts.cwd, dir) || '.'}' to detect the source root and entries and write one`,
      });
    }
    return { dir, isExample: false };
  }
  const found = findConfigUpward(opts.cwd);
  if (found) return { dir: found, isExample: false };
  throw new MigrateError('CFG-001', `no ${CONFIG_FILE} here or above: run 'migrate init'`, {
    hint: "'migrate init' detects the processes of the project in this folder and writes the config; --project <dir> names another project; --example works on the embedded example",
  });
}

export function loadProject(opts: ProjectOptions): Project {
  const { dir, isExample } = resolveProjectDir(opts);
  const file = path.join(dir, CONFIG_FILE);
  const text = readFileSync(file, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new MigrateError('CFG-002', `${CONFIG_FILE} is not valid JSON: ${(e as Error).message}`, {
      location: { file },
      hint: 'fix the JSON syntax (a trailing comma or a missing quote is the usual cause)',
    });
  }
  const { config, issues } = validateConfig(raw);
  if (!config) {
    const list = issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n');
    throw new MigrateError('CFG-003', `${CONFIG_FILE} has ${issues.length} problem(s):\n${list}`, {
      location: { file },
      hint: 'see the README section "Config file" for every field',
    });
  }
  const root = realpathSync(dir);
  return { root, config, isExample };
}
