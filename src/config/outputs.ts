// The folders the toolkit itself writes into a project. They are not migrated sources: rollback
// never counts them as differences (an `audit` after `apply` must not make rollback fail) and
// `migrate init` lists them in the project's .gitignore (so `apply --commit` does not refuse on
// the toolkit's own files). One list, so both stay in step when an output is added.
import type { ProjectConfig } from './projectConfig.ts';

/** Where `migrate audit` writes audit.json / audit.html by default (project-relative). */
export const REPORTS_DIR = 'reports';
/** Plan files (`migrate plan`). Kept equal to PLAN_DIR in src/plan/planFile.ts. */
export const PLANS_DIR = 'migration-plans';
/** Journal, baselines, blob store. Kept equal to MIGRATE_DIR in src/engine/journal.ts. */
export const STATE_DIR = '.migrate';
/**
 * Probe traces synthesised from the handlers and recorded on the baseline before the first step
 * (`migrate trace probe` writes them again). Generated, like the reports: a user who edits them
 * by hand takes the line out of .gitignore and commits them.
 */
export const PROBES_DIR = 'traces/probes';

/** Project-relative folders (no trailing slash) the toolkit writes: reports, builds, plans, state, probes. */
export function toolkitOutputDirs(config: Pick<ProjectConfig, 'buildDir'>): string[] {
  const build = config.buildDir.replace(/^\.\/+/, '').replace(/\/+$/, '');
  return [...new Set([REPORTS_DIR, build, PLANS_DIR, STATE_DIR, PROBES_DIR])];
}

/** True when a project-relative path lies in one of the toolkit's output folders. */
export function isToolkitOutput(config: Pick<ProjectConfig, 'buildDir'>, rel: string): boolean {
  return toolkitOutputDirs(config).some((d) => rel === d || rel.startsWith(`${d}/`));
}
