// Where the toolkit's own files are, whether it runs from the TypeScript sources (the
// repository) or from the compiled package (dist/ mirrors src/, transforms/ and
// reports/; package.json, examples/ and docs stay beside dist/). No imports beyond node: the
// CLI reads its version from here before loading anything else.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The folder holding src/, transforms/ and reports/: the repository, or dist/. */
export const TOOLKIT_ROOT = path.resolve(here, '..');

/** true when running the compiled JavaScript of dist/. */
export const COMPILED = path.basename(TOOLKIT_ROOT) === 'dist';

/** The package folder (package.json, examples/): dist/'s parent when compiled. */
export const PACKAGE_ROOT = COMPILED ? path.dirname(TOOLKIT_ROOT) : TOOLKIT_ROOT;

/** Extension of the toolkit's own modules: '.ts' from the sources, '.js' compiled. */
export const MODULE_EXT = path.extname(fileURLToPath(import.meta.url));

/** The `version` of the toolkit's package.json. */
export function toolkitVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
