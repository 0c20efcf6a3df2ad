// Facts of a file whose require names were renamed are derived from the edits instead of a
// parse (rememberRenamedFacts): they must equal, field for field, what a parse computes, for
// every file of the example and every require form; anything that is not a plain rename is
// refused (and then parsed as usual).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LuaFactsCache, luaFileFacts, rememberRenamedFacts } from '../../src/graph/luaFiles.ts';
import { applyTextEdits, encodeLua } from '../../src/parse/luaSource.ts';
import { EXAMPLE_DIR } from '../../src/config/loadProject.ts';
import type { TextEdit } from '../../src/transform/types.ts';

const luaUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? luaUnder(p) : n.endsWith('.lua') ? [p] : [];
  });

const core = (bytes: Buffer, file: string, cache: LuaFactsCache) => {
  const { parsed: _tree, ...rest } = luaFileFacts(bytes, file, cache);
  return { ...rest };
};

/** Derived facts of `after` (remembered first), then the parsed ones of the same bytes. */
function bothFacts(before: Buffer, file: string, edits: TextEdit[]): { derived: unknown; parsed: unknown; remembered: boolean } {
  const derivedIn = new LuaFactsCache();
  const { text, bom } = luaFileFacts(before, file, derivedIn);
  const after = encodeLua(applyTextEdits(text, edits), bom);
  const remembered = rememberRenamedFacts(before, file, after, edits, derivedIn);
  const derived = core(after, file, derivedIn);
  return { derived, parsed: core(Buffer.from(after), file, new LuaFactsCache()), remembered };
}

const TRICKY = [
  'local a = require("battle.turn") local b = require \'battle.rng\'\r\nlocal c = require [[game.x]]\n',
  '\ufeffreturn { pcall(require, "mod.a"), Federation.require("runtime.x", "^1.0.0"), require [==[\nlong.name]==] }',
  '-- require("not.this")\nlocal s = "require(\'nor.this\')"\nX = require("mod.b"); local y = require("mod.c") -- same line\nreturn require(name)',
  'local t = require(require("inner.name").outer)\nreturn t',
];

describe('rememberRenamedFacts', () => {
  const files = luaUnder(path.join(EXAMPLE_DIR, 'ao-processes'));

  it('derives exactly the parsed facts for every site renamed, in every example file', () => {
    let checked = 0;
    for (const f of files) {
      const bytes = readFileSync(f);
      const { sites } = luaFileFacts(bytes, f);
      if (!sites.length) continue;
      // rename all sites at once, each to a name of another length
      const edits = sites.map((s, i) => ({ start: s.nameRange[0], end: s.nameRange[1], text: i % 2 ? `runtime.${s.name}` : s.name.slice(0, 1) }));
      const { derived, parsed, remembered } = bothFacts(bytes, f, edits);
      expect(remembered, f).toBe(true);
      expect(derived, f).toEqual(parsed);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('derives exactly the parsed facts for tricky forms (CRLF, BOM, long strings, pcall, federated, same line)', () => {
    for (const [k, src] of TRICKY.entries()) {
      const bytes = Buffer.from(src, 'utf8');
      const file = `t${k}.lua`;
      const { sites } = luaFileFacts(bytes, file);
      expect(sites.length, src).toBeGreaterThan(0);
      for (const [i, s] of sites.entries()) {
        const { derived, parsed, remembered } = bothFacts(bytes, file, [
          { start: s.nameRange[0], end: s.nameRange[1], text: `p${i}.renamed_${'x'.repeat(i)}` },
        ]);
        if (k === 3 && s.name === 'inner.name') {
          expect(remembered).toBe(false); // inside a dynamic require's argument: its text changes
          continue;
        }
        expect(remembered, `${src} / ${s.name}`).toBe(true);
        expect(derived, `${src} / ${s.name}`).toEqual(parsed);
      }
    }
  });

  it('refuses edits that are not plain renames of a site name', () => {
    const bytes = Buffer.from('local a = require("mod.a")\nlocal b = 1\n');
    const { sites, text } = luaFileFacts(bytes, 'r.lua');
    const nr = sites[0]!.nameRange;
    const refused: TextEdit[][] = [
      [{ start: nr[0], end: nr[1], text: 'has"quote' }],
      [{ start: nr[0], end: nr[1], text: 'new\nline' }],
      [{ start: nr[0], end: nr[1], text: '' }],
      [{ start: nr[0] + 1, end: nr[1], text: 'x' }],
      [{ start: text.indexOf('1'), end: text.indexOf('1') + 1, text: '2' }],
    ];
    for (const edits of refused) {
      const after = Buffer.from(applyTextEdits(text, edits), 'latin1');
      expect(rememberRenamedFacts(bytes, 'r.lua', after, edits, new LuaFactsCache()), JSON.stringify(edits)).toBe(false);
    }
    // bytes that are not the edits' result
    expect(rememberRenamedFacts(bytes, 'r.lua', Buffer.from('local a = require("mod.z")\n'), [{ start: nr[0], end: nr[1], text: 'mod.y' }])).toBe(false);
  });
});
