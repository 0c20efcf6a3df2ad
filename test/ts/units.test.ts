// Unit checks of the TS building blocks: specifier resolution and style-keeping rewrites,
// parsing with a BOM, edit safety, duplicate classes.
import { describe, expect, it } from 'vitest';
import { MemoryWorkspace } from '../../src/stage/workspace.ts';
import { readPathAliases, resolveSpecifier, respecify } from '../../src/ts/specifiers.ts';
import { parseModule } from '../../src/ts/syntax.ts';
import { applyEdits } from '../../src/ts/text.ts';
import { functionCopies, groupDuplicates } from '../../src/ts/duplicates.ts';
import { isMigrateError } from '../../src/errors.ts';

const ws = new MemoryWorkspace({
  'c/tsconfig.json': '{ /* c */ "compilerOptions": { "baseUrl": ".", "paths": { "@c/*": ["src/*"], "@deep/*": ["src/lib/*"] } } }',
  'c/src/lib/tags.ts': '',
  'c/src/lib/index.ts': '',
  'c/src/lib/x.mts': '',
  'c/src/a.ts': '',
});
const aliases = readPathAliases(ws, 'c/tsconfig.json');

describe('specifiers', () => {
  it('resolves relative, alias, .js, extensionless and folder forms', () => {
    expect(aliases.map((a) => a.prefix)).toEqual(['@deep/', '@c/']);
    expect(resolveSpecifier(ws, 'c/src/a.ts', './lib/tags.js', aliases)).toBe('c/src/lib/tags.ts');
    expect(resolveSpecifier(ws, 'c/src/a.ts', './lib/tags', aliases)).toBe('c/src/lib/tags.ts');
    expect(resolveSpecifier(ws, 'c/src/a.ts', './lib', aliases)).toBe('c/src/lib/index.ts');
    expect(resolveSpecifier(ws, 'c/src/a.ts', '@deep/tags.js', aliases)).toBe('c/src/lib/tags.ts');
    expect(resolveSpecifier(ws, 'c/src/a.ts', './lib/x.mjs', aliases)).toBe('c/src/lib/x.mts');
    expect(resolveSpecifier(ws, 'c/src/a.ts', 'node:fs', aliases)).toBeUndefined();
  });

  it('writes the new specifier in the old style, and back', () => {
    const cases: [string, string][] = [
      ['./lib/tags.js', './runtime/tags.js'],
      ['./lib/tags', './runtime/tags'],
      ['@c/lib/tags.js', '@c/runtime/tags.js'],
      ['./lib/tags.ts', './runtime/tags.ts'],
    ];
    for (const [before, after] of cases) {
      const moved = respecify(before, 'c/src/lib/tags.ts', 'c/src/a.ts', 'c/src/runtime/tags.ts', aliases);
      expect(moved).toBe(after);
      expect(respecify(moved, 'c/src/runtime/tags.ts', 'c/src/a.ts', 'c/src/lib/tags.ts', aliases)).toBe(before);
    }
    expect(respecify('./lib', 'c/src/lib/index.ts', 'c/src/a.ts', 'c/src/runtime/index.ts', aliases)).toBe('./runtime');
    expect(respecify('@deep/tags.js', 'c/src/lib/tags.ts', 'c/src/a.ts', 'c/src/runtime/tags.ts', aliases)).toBe('./runtime/tags.js');
  });
});

describe('parseModule', () => {
  it('reports offsets in the original text when a BOM is present', () => {
    const text = "\uFEFFimport { a } from './a.js';\r\nexport * from \"./b.js\";\r\nconst c = require('./c.js');\r\n";
    const m = parseModule(text, 'x.ts');
    expect(m.imports.map((i) => [i.kind, text.slice(i.literalStart, i.literalEnd)])).toEqual([
      ['import', "'./a.js'"],
      ['export-all', '"./b.js"'],
      ['require', "'./c.js'"],
    ]);
  });

  it('fails with TS-002 and a location on a syntax error', () => {
    let error: unknown;
    try {
      parseModule('const a = 1;\nimport {', 'bad.ts');
    } catch (e) {
      error = e;
    }
    expect(isMigrateError(error) && [error.code, error.location?.line]).toEqual(['TS-002', 2]);
  });
});

describe('applyEdits', () => {
  it('keeps bytes outside edits and refuses overlaps (TS-001)', () => {
    expect(applyEdits('a\r\nbc', [{ start: 3, end: 4, text: 'X' }])).toBe('a\r\nXc');
    expect(() =>
      applyEdits('abc', [
        { start: 0, end: 2, text: '' },
        { start: 1, end: 3, text: '' },
      ]),
    ).toThrow(/TS-001|overlapping/);
  });
});

describe('duplicate classes', () => {
  const fn = (name: string, lit: string, v = 'value', extra = '') =>
    `function ${name}(${v}: string): string {${extra}\n  return ${v}.trim() + '${lit}' + String(${v}.length);\n}\n`;
  const kinds = (a: string, b: string) => groupDuplicates([...functionCopies('a.ts', a), ...functionCopies('b.ts', b)]).map((g) => g.kind);

  it('tells exact, type-1, type-2 and near apart', () => {
    expect(kinds(fn('f', 'x'), fn('f', 'x').replace(/\n/g, '\r\n'))).toEqual(['exact']);
    expect(kinds(fn('f', 'x'), fn('f', 'x', 'value', ' // note'))).toEqual(['type-1']);
    expect(kinds(fn('f', 'x'), fn('f', 'x', 'input'))).toEqual(['type-2']);
    expect(kinds(fn('f', 'x'), fn('f', 'y'))).toEqual(['near']);
    expect(kinds(fn('f', 'x'), 'function g(): number {\n  return 1 + 2 + 3 + 4 + 5 + 6;\n}\n')).toEqual([]);
  });
});
