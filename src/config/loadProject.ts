// Finds the project a command works on: --project <dir>, else the current directory when it
// holds migrate.config.json, else the embedded example.
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
  /** true when no project was given and the embedded example is used. */
  isExample: boolean;
}

export function resolveProjectDir(opts: { project?: string; cwd: string }): { dir: string; isExample: boolean } {
  if (opts.project) return { dir: path.resolve(opts.cwd, opts.project), isExample: false };
  if (existsSync(path.join(opts.cwd, CONFIG_FILE))) return { dir: opts.cwd, isExample: false };
  return { dir: EXAMPLE_DIR, isExample: true };
}

/**
 * --project names a file or a path that does not exist: say so, with a command that works
 * (not "no config ... run 'migrate init <file>'", which fails on a file).
 */
function refuseNonFolder(dir: string): void {
  if (!existsSync(dir)) {
    const parent = path.dirname(dir);
    throw new MigrateError('CFG-015', `${dir} does not exist`, {
      location: { file: dir },
      hint: existsSync(parent) ? `check the path given to --project (the folder holding ${CONFIG_FILE}); 'migrate init ${parent}' detects a project in the folder above` : `check the path given to --project (the folder holding ${CONFIG_FILE})`,
    });
  }
  if (!statSync(dir).isDirectory()) {
    const folder = path.dirname(dir);
    const isConfig = path.basename(dir) === CONFIG_FILE;
    throw new MigrateError('CFG-016', `${dir} is a file; --project takes the project folder`, {
      location: { file: dir },
      hint: isConfig || existsSync(path.join(folder, CONFIG_FILE)) ? `use '--project ${folder}'` : `use '--project ${folder}', after 'migrate init ${folder}' writes its ${CONFIG_FILE}`,
    });
  }
}

export function loadProject(opts: { project?: string; cwd: string }): Project {
  const { dir, isExample } = resolveProjectDir(opts);
  refuseNonFolder(dir);
  const file = path.join(dir, CONFIG_FILE);
  if (!existsSync(file)) {
    throw new MigrateError('CFG-001', `no ${CONFIG_FILE} in ${dir}`, {
      location: { file },
      hint: `run 'migrate init ${dir}' to detect the source root and entries and write one`,
    });
  }
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
