// The data generator is deterministic, its committed output is up to date, and every part-A
// module parses as Lua 5.3 with the planted file shapes intact.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import luaparse from 'luaparse';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain .mjs tool without type declarations
import { generateAll } from '../../examples/pokerogue-ao/tools/generate-data.mjs';
import { SOURCE_ROOT } from '../example/exampleBundle.ts';

const OWNED_DIRS = [
  'data',
  'battle',
  'pokemon',
  'game-logic/battle',
  'game-logic/pokemon',
  'game-logic/items',
  'game-logic/progression',
  'game-logic/environment',
  'game-logic/stats',
];

function luaFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) luaFiles(full, out);
    else if (name.endsWith('.lua')) out.push(full);
  }
  return out;
}

describe('data generator', () => {
  const first = generateAll() as Map<string, string>;

  it('writes the same bytes on every run', () => {
    const second = generateAll() as Map<string, string>;
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [rel, text] of first) expect(second.get(rel), rel).toBe(text);
  });

  it('matches the committed data modules', () => {
    for (const [rel, text] of first) {
      expect(readFileSync(path.join(SOURCE_ROOT, 'data', rel), 'utf8'), rel).toBe(text);
    }
  });

  it('produces tables of the planned sizes', () => {
    const count = (prefix: string, re: RegExp) => [...first].filter(([k]) => k.startsWith(prefix)).reduce((n, [, t]) => n + (t.match(re)?.length ?? 0), 0);
    expect(count('species/', /^ {4}id = \d+,$/gm)).toBe(360);
    expect(count('moves/', /^ {4}id = \d+,$/gm)).toBe(440);
    expect(count('constants/type-chart', /^ {4}\w+ = [\d.]+, --/gm)).toBe(18 * 18);
    expect(count('constants/natures', /^ {2}\w+ = \{$/gm)).toBe(25);
  });
});

describe('part-A Lua modules', () => {
  const files = OWNED_DIRS.flatMap((d) => luaFiles(path.join(SOURCE_ROOT, d)));

  it('all parse as Lua 5.3', () => {
    expect(files.length).toBeGreaterThan(60);
    for (const f of files) {
      expect(() => luaparse.parse(readFileSync(f, 'utf8'), { luaVersion: '5.3' }), f).not.toThrow();
    }
  });

  it('keep the planted file shapes', () => {
    const read = (rel: string) => readFileSync(path.join(SOURCE_ROOT, rel), 'utf8');
    expect(read('game-logic/environment/terrain.lua')).toMatch(/\r\n/);
    expect(read('game-logic/environment/terrain.lua').replace(/\r\n/g, '')).not.toMatch(/\n/);
    for (const rel of ['game-logic/battle/accuracy.lua', 'battle/components/peer-directory.lua', 'pokemon/handlers/move-handler.lua']) {
      expect(read(rel).endsWith('return M'), rel).toBe(true);
    }
    expect(read('data/constants/game-constants.lua')).not.toMatch(/^return\b/m);
  });
});
