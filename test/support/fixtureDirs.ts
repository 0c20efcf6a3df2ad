// Fixture directories of the Lua transforms: `transforms/lua/<id>/fixtures/<case>/{input,expected}/...`
// plus `params.json` and `processes.json` (the process names the case's config declares, see
// fixtureConfig). The bytes are the test: CRLF, BOM and missing final newlines are kept
// (transforms/.gitattributes).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProjectConfig } from '../../src/config/projectConfig.ts';
import { fixtureConfig } from './fixtureConfig.ts';

export const TRANSFORMS_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../transforms');

export function readTreeDir(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  if (!existsSync(dir)) return out;
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else out[r] = readFileSync(path.join(dir, r));
    }
  };
  walk('');
  return out;
}

export interface FixtureCase {
  /** Transform id, e.g. `lua/move-to-runtime`. */
  id: string;
  caseName: string;
  dir: string;
  processes: string[];
  params: unknown;
  /**
   * input == expected: the transform must leave this tree alone. Its inverse is not the identity
   * there (on an already-migrated tree it undoes the migration), so round-trip suites skip it.
   */
  unchanged: boolean;
}

function sameTrees(a: Record<string, Buffer>, b: Record<string, Buffer>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] !== undefined && a[k]!.equals(b[k]!));
}

/** The fixture folder of a built-in transform (`lua/x` -> transforms/lua/x/fixtures). */
export const fixturesDir = (id: string) => path.join(TRANSFORMS_ROOT, id, 'fixtures');

/** Every case of one transform's fixture folder, in name order (none when the folder is missing). */
export function listFixtureCases(id: string): FixtureCase[] {
  const root = fixturesDir(id);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .filter((c) => !c.startsWith('.') && statSync(path.join(root, c)).isDirectory())
    .map((caseName) => {
      const dir = path.join(root, caseName);
      const json = (f: string, fallback: unknown) => (existsSync(path.join(dir, f)) ? JSON.parse(readFileSync(path.join(dir, f), 'utf8')) : fallback);
      const unchanged = sameTrees(readTreeDir(path.join(dir, 'input')), readTreeDir(path.join(dir, 'expected')));
      return { id, caseName, dir, processes: json('processes.json', ['p']) as string[], params: json('params.json', {}), unchanged };
    });
}

export const configForCase = (c: FixtureCase): ProjectConfig => fixtureConfig(c.processes);

/**
 * One case in the shape the per-transform tests use: input files as UTF-8 text (the fixtures
 * were written from JS strings, so decoding is exact) and as bytes, params, config.
 */
export function fixtureCase(
  id: string,
  caseName: string,
): { files: Record<string, string>; input: Record<string, Buffer>; params: unknown; config: ProjectConfig } {
  const c = listFixtureCases(id).find((x) => x.caseName === caseName);
  if (!c) throw new Error(`no fixture case ${id}/${caseName} under ${fixturesDir(id)}`);
  const input = readTreeDir(path.join(c.dir, 'input'));
  const files = Object.fromEntries(Object.entries(input).map(([p, b]) => [p, b.toString('utf8')]));
  return { files, input, params: c.params, config: configForCase(c) };
}
