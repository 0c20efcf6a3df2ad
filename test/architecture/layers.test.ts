// Layers only point down: each folder may import its own layer and the layers listed below it,
// never one above. The table is docs/architecture.md's; a new folder must be placed in it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Bottom first. A file belongs to the first layer whose prefix matches its path. */
export const LAYERS: { name: string; prefixes: string[] }[] = [
  { name: 'base', prefixes: ['src/errors.ts', 'src/errorCatalogue.ts', 'src/hash.ts', 'src/deepFreeze.ts', 'src/progress.ts', 'src/toolkitRoot.ts'] },
  { name: 'files', prefixes: ['src/files/'] },
  { name: 'config', prefixes: ['src/config/'] },
  { name: 'parse', prefixes: ['src/parse/'] },
  { name: 'graph', prefixes: ['src/graph/'] },
  { name: 'stage', prefixes: ['src/stage/'] },
  { name: 'bundle', prefixes: ['src/bundle/'] },
  { name: 'ts', prefixes: ['src/ts/'] },
  { name: 'audit', prefixes: ['src/audit/', 'reports/'] },
  { name: 'transform', prefixes: ['src/transform/'] },
  { name: 'transforms', prefixes: ['transforms/'] },
  { name: 'plan', prefixes: ['src/plan/'] },
  { name: 'engine', prefixes: ['src/engine/'] },
  { name: 'verify', prefixes: ['src/verify/'] },
  { name: 'cli', prefixes: ['src/cli/'] },
];

function layerOf(file: string): number {
  const i = LAYERS.findIndex((l) => l.prefixes.some((p) => file === p || (p.endsWith('/') && file.startsWith(p))));
  return i;
}

function productionFiles(): string[] {
  return ['src', 'transforms', 'reports']
    .flatMap((d) => readdirSync(path.join(ROOT, d), { withFileTypes: true, recursive: true }).map((e) => ({ e, d })))
    .filter(({ e }) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map(({ e }) => path.relative(ROOT, path.join(e.parentPath, e.name)))
    .filter((f) => !f.includes('__fixtures__'));
}

/** Every relative import of a file: static, `export ... from`, and `import()` with a literal. */
function importsOf(file: string): { target: string; line: number }[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const out: { target: string; line: number }[] = [];
  for (const m of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*'(\.{1,2}\/[^']+)'|\bimport\(\s*'(\.{1,2}\/[^']+)'/gms)) {
    const spec = (m[1] ?? m[2])!;
    out.push({ target: path.normalize(path.join(path.dirname(file), spec)), line: text.slice(0, m.index).split('\n').length });
  }
  return out;
}

describe('layers', () => {
  const files = productionFiles();

  it('places every production file in a layer', () => {
    expect(files.filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it('only imports down (or within its own layer)', () => {
    const upward: string[] = [];
    for (const f of files) {
      for (const { target, line } of importsOf(f)) {
        const from = layerOf(f);
        const to = layerOf(target);
        if (to > from) upward.push(`${f}:${line} (${LAYERS[from]!.name}) imports ${target} (${LAYERS[to]!.name})`);
      }
    }
    expect(upward).toEqual([]);
  });

  // A literal cast to string (`import('../verify/x.ts' as string)`) hides an upward import from
  // this test and from the type checker. Discovery by folder (the transform registry, the command
  // table's lazy loads) names a computed path on purpose and is not this.
  it('hides no import behind a cast specifier', () => {
    const hidden = files.filter((f) => /import\(\s*'[^']+'\s+as\s+string\s*\)/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(hidden).toEqual([]);
  });

  it('imports nothing from test/', () => {
    const fromTests = files.flatMap((f) =>
      importsOf(f)
        .filter((i) => i.target.startsWith('test/'))
        .map((i) => `${f}:${i.line} imports ${i.target}`),
    );
    expect(fromTests).toEqual([]);
  });
});
