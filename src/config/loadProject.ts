// Finds the project a command works on: --project <dir>, else the current directory when it
// holds migrate.config.json, else the embedded example.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
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

export function loadProject(opts: { project?: string; cwd: string }): Project {
  const { dir, isExample } = resolveProjectDir(opts);
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
