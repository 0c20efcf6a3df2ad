// `migrate init` lists the toolkit's output folders in the project's .gitignore, so `apply
// --commit` never refuses on (or commits) the toolkit's own reports, builds, plans and journal.
// The file is created when missing; otherwise only missing lines are appended and every
// existing byte is kept (line ending style followed; a missing final newline is added first).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const GITIGNORE = '.gitignore';
const HEADER = '# ao-federate (migrate) outputs';

/** The .gitignore line for a project-relative folder: anchored at the project, folders only. */
const lineFor = (dir: string): string => `/${dir.replace(/^\/+|\/+$/g, '')}/`;

/** Lines that already ignore the folder at the project root (`x`, `x/`, `/x`, `/x/`, `**` forms). */
function covered(existing: Set<string>, dir: string): boolean {
  const d = dir.replace(/^\/+|\/+$/g, '');
  return [d, `${d}/`, `/${d}`, `/${d}/`, `**/${d}`, `**/${d}/`, `/${d}/**`, `${d}/**`].some((l) => existing.has(l));
}

export interface GitignorePlan {
  file: string;
  /** Lines to add (empty: nothing to do). */
  added: string[];
  created: boolean;
  /** The whole new file content (undefined when nothing changes). */
  text?: Buffer;
}

/** What init would change in `<dir>/.gitignore` for these output folders (nothing is written). */
export function planGitignore(dir: string, outputDirs: string[]): GitignorePlan {
  const file = path.join(dir, GITIGNORE);
  const created = !existsSync(file);
  const before = created ? Buffer.alloc(0) : readFileSync(file);
  const text = before.toString('latin1'); // byte-transparent: only ASCII lines are compared
  const existing = new Set(text.split(/\r?\n/).map((l) => l.trim()));
  const added = outputDirs.filter((d) => !covered(existing, d)).map(lineFor);
  if (!added.length) return { file, added, created: false };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const sep = text.length && !text.endsWith('\n') ? eol : '';
  const gap = text.length ? eol : '';
  const tail = Buffer.from(`${sep}${gap}${HEADER}${eol}${added.join(eol)}${eol}`, 'utf8');
  return { file, added, created, text: Buffer.concat([before, tail]) };
}

/** Writes the planned .gitignore (when anything changes). */
export function writeGitignore(plan: GitignorePlan): void {
  if (plan.text) writeFileSync(plan.file, plan.text);
}
