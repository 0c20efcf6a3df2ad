// The error catalogue is the one list of codes: every code the sources raise is in it, every
// code in it is raised somewhere, and docs/errors.md shows exactly the catalogue.
// UPDATE_DOCS=1 rewrites the generated part of docs/errors.md.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, LOADER_ERROR_CATALOGUE, type ErrorInfo } from '../../src/errorCatalogue.ts';
import { MigrateError } from '../../src/errors.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOC = path.join(ROOT, 'docs/errors.md');
const BEGIN = '<!-- generated from src/errorCatalogue.ts: begin -->';
const END = '<!-- generated from src/errorCatalogue.ts: end -->';

function sourceFiles(dir: string, ext: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.split(path.sep).includes('fixtures'));
}

function codesRaised(): Set<string> {
  const codes = new Set<string>();
  const files = ['src', 'transforms', 'reports'].flatMap((d) => sourceFiles(d, /\.(ts|lua)$/));
  for (const f of files) {
    if (f.endsWith('errorCatalogue.ts')) continue;
    for (const m of readFileSync(f, 'utf8').matchAll(/\b([A-Z]+-\d{3}|INTERNAL)\b/g)) codes.add(m[1]!);
  }
  return codes;
}

function table(entries: Record<string, ErrorInfo>): string {
  const rows = Object.entries(entries).map(([code, e]) => `| \`${code}\` | ${e.meaning} | ${e.hint ? e.hint.replaceAll('|', '\\|') : ''} |`);
  return ['| code | meaning | default hint |', '| --- | --- | --- |', ...rows].join('\n');
}

export function generatedDoc(): string {
  return [
    BEGIN,
    '',
    '## Toolkit errors (exit 2 unless the row says otherwise)',
    '',
    table(ERROR_CATALOGUE),
    '',
    '## Loader errors (inside aos, raised by the federation loader)',
    '',
    table(LOADER_ERROR_CATALOGUE),
    '',
    END,
  ].join('\n');
}

describe('error catalogue', () => {
  it('lists every code the sources raise, and raises every code it lists', () => {
    const raised = codesRaised();
    const known = new Set([...Object.keys(ERROR_CATALOGUE), ...Object.keys(LOADER_ERROR_CATALOGUE)]);
    expect([...raised].filter((c) => !known.has(c)).sort(), 'codes raised but not catalogued').toEqual([]);
    expect([...known].filter((c) => !raised.has(c)).sort(), 'codes catalogued but never raised').toEqual([]);
  });

  it('gives a MigrateError the catalogue hint when the throw site has none', () => {
    expect(new MigrateError('JOURNAL-003', 'interrupted').hint).toBe(ERROR_CATALOGUE['JOURNAL-003'].hint);
    expect(new MigrateError('JOURNAL-003', 'interrupted', { hint: 'specific' }).hint).toBe('specific');
  });

  it('is what docs/errors.md shows', () => {
    const doc = readFileSync(DOC, 'utf8');
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    expect(start, `${DOC} has no generated section`).toBeGreaterThanOrEqual(0);
    const current = doc.slice(start, end + END.length);
    if (process.env.UPDATE_DOCS && current !== generatedDoc()) writeFileSync(DOC, doc.slice(0, start) + generatedDoc() + doc.slice(end + END.length));
    else expect(current, 'run UPDATE_DOCS=1 npx vitest run test/architecture/errorCatalogue.test.ts').toBe(generatedDoc());
  });
});
