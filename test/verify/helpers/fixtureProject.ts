// Copies a fixture project to a fresh folder under test/tmp so tests can edit it freely; the
// copies are removed when the test file ends.
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProject, type Project } from '../../../src/config/loadProject.ts';
import { ensureBaseline } from '../../../src/verify/baseline.ts';
import { writeProbes } from '../../../src/verify/probes/probeFile.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.resolve(here, '../../fixtures/verify');
const TMP = path.resolve(here, '../../tmp');
const copies: string[] = [];

// Copies live as long as the test file that made them.
afterAll(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function copyFixture(name: string): Project {
  return copyProject(path.join(FIXTURES, name), name);
}

/** Stores a project's baseline and synthesises its probes (probe tests start from there). */
export async function withProbes(project: Project): Promise<Project> {
  await ensureBaseline(project);
  await writeProbes(project);
  return project;
}

/** Copies a project folder (without its build/, .migrate/ and node_modules/) to test/tmp. */
export function copyProject(source: string, label: string): Project {
  mkdirSync(TMP, { recursive: true });
  const dir = mkdtempSync(path.join(TMP, `verify-${label}-`));
  const skip = new Set(['build', '.migrate', 'node_modules'].map((d) => path.join(source, d)));
  copies.push(dir);
  cpSync(source, dir, { recursive: true, filter: (src) => !skip.has(src) });
  return loadProject({ project: dir, cwd: dir });
}

/** Replaces `from` by `to` in a project file (exactly once, or throws). */
export function editFile(project: Project, rel: string, from: string, to: string): void {
  const file = path.join(project.root, rel);
  const text = readFileSync(file, 'utf8');
  if (text.split(from).length !== 2) throw new Error(`'${from}' is not in ${rel} exactly once`);
  writeFileSync(file, text.replace(from, to));
}
