// Copies a fixture of test/fixtures/lua-layouts/ into test/tmp/ so tests can add what git
// should not hold (symlinks, generated files) and write reports without touching the fixture.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSchema, type ProjectConfig } from '../../../src/config/projectConfig.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const LAYOUTS_DIR = path.resolve(here, '../../fixtures/lua-layouts');
const TMP_DIR = path.resolve(here, '../../tmp');

export type LayoutName =
  | 'odd-names'
  | 'copied-modules'
  | 'symlinked-shared'
  | 'nested-root'
  | 'syntax-zoo'
  | 'bad-inputs'
  | 'outside-project'
  | 'monorepo-packages'
  | 'resolution-shapes';

const made: string[] = [];

/** A fresh copy of the fixture; `symlinked-shared` gets its `src/<process>/module -> ../module` links. */
export function copyLayout(name: LayoutName): string {
  mkdirSync(TMP_DIR, { recursive: true });
  const dir = mkdtempSync(path.join(TMP_DIR, `layout-${name}-`));
  cpSync(path.join(LAYOUTS_DIR, name), dir, { recursive: true, verbatimSymlinks: true });
  if (name === 'symlinked-shared') {
    for (const p of ['battle', 'pokemon']) symlinkSync('../module', path.join(dir, 'src', p, 'module'), 'dir');
  }
  made.push(dir);
  return dir;
}

/** Removes every copy made by this test file (call from afterAll). */
export function removeLayoutCopies(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A config with the schema defaults filled in. */
export function layoutConfig(raw: Record<string, unknown>): ProjectConfig {
  return configSchema.parse(raw);
}
