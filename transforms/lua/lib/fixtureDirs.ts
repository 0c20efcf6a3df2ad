// Fixture directories: `transforms/lua/__fixtures__/<transform>/<case>/{input,expected}/...`
// plus `params.json` and `processes.json`. Generated once from each transform's `fixtures`
// export (`npx tsx transforms/lua/lib/fixtureDirs.ts`) after review, then checked by
// fixtureDirs.test.ts: apply(input) == expected and inverse(expected) == input, to the byte.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Transform } from '../../../src/transform/types.ts';
import { fixtureConfig, type LuaFixture } from './fixtureConfig.ts';
import { runApply } from './transformHarness.ts';
import { snapshotOf } from '../../../codemods/lib/treeSnapshots.ts';

export const FIXTURE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../__fixtures__');

export function readTreeDir(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
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

function writeTreeDir(dir: string, files: Record<string, Buffer>): void {
  for (const [p, b] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), b);
  }
}

export interface FixtureCase {
  transformName: string;
  caseName: string;
  dir: string;
  processes: string[];
  params: unknown;
}

export function listFixtureCases(): FixtureCase[] {
  const out: FixtureCase[] = [];
  for (const t of readdirSync(FIXTURE_ROOT).sort().filter((n) => !n.startsWith('.'))) {
    for (const c of readdirSync(path.join(FIXTURE_ROOT, t)).sort()) {
      const dir = path.join(FIXTURE_ROOT, t, c);
      out.push({
        transformName: t,
        caseName: c,
        dir,
        processes: JSON.parse(readFileSync(path.join(dir, 'processes.json'), 'utf8')),
        params: JSON.parse(readFileSync(path.join(dir, 'params.json'), 'utf8')),
      });
    }
  }
  return out;
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60).replace(/-+$/, '');

async function generate(): Promise<void> {
  const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  for (const file of readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const mod = (await import(path.join(here, file))) as { transform: Transform<unknown>; fixtures?: LuaFixture[] };
    const name = file.replace(/\.ts$/, '');
    for (const f of mod.fixtures ?? []) {
      const dir = path.join(FIXTURE_ROOT, name, slug(f.name));
      rmSync(dir, { recursive: true, force: true });
      const input = Object.fromEntries(Object.entries(f.files).map(([p, c]) => [p, Buffer.from(c, 'utf8')]));
      const { tree } = runApply(mod.transform, input, f.params, f.config);
      writeTreeDir(path.join(dir, 'input'), input);
      writeTreeDir(path.join(dir, 'expected'), Object.fromEntries(snapshotOf(tree)));
      writeFileSync(path.join(dir, 'params.json'), `${JSON.stringify(f.params, null, 2)}\n`);
      writeFileSync(path.join(dir, 'processes.json'), `${JSON.stringify(f.config.processes.map((p) => p.name))}\n`);
    }
  }
}

export const configForCase = (c: FixtureCase) => fixtureConfig(c.processes);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await generate();
