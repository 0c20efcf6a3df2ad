// The engine (src/engine) points only down: it imports neither verify nor the CLI (the CLI
// passes EngineHooks in), and no module under src/ hides an import behind `import(x as string)`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOLKIT_ROOT } from '../../src/toolkitRoot.ts';

const SRC = path.join(TOOLKIT_ROOT, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** Every module specifier a file imports (static, re-export or dynamic with a literal). */
const specifiers = (text: string): string[] => [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('engine layer', () => {
  it('src/engine imports nothing from src/verify or src/cli', () => {
    const bad = tsFiles(path.join(SRC, 'engine')).flatMap((f) =>
      specifiers(readFileSync(f, 'utf8'))
        .filter((s) => /(^|\/)\.\.\/(verify|cli)\//.test(s))
        .map((s) => `${path.relative(TOOLKIT_ROOT, f)}: ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('no import under src/ is hidden from the type checker with `as string`', () => {
    const hidden = tsFiles(SRC).filter((f) => /import\(\s*[^)]*\bas\s+string\s*\)/.test(readFileSync(f, 'utf8')));
    expect(hidden.map((f) => path.relative(TOOLKIT_ROOT, f))).toEqual([]);
  });
});
