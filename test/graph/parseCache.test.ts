// The parse cache keeps facts (sites, counts, text) for every content it saw, and the trees
// only within a byte budget (default none): an evicted tree is parsed again, equal to the first
// one; luaFileFactsWithTree hands out the tree of the parse that made the facts.
// Each test has its own LuaFactsCache: nothing to clear, nothing shared with other tests.
import { describe, expect, it } from 'vitest';
import { LuaFactsCache, luaFileFacts, luaFileFactsWithTree } from '../../src/graph/luaFiles.ts';

const lua = (i: number) => Buffer.from(`local m${i} = require("lib.x${i}")\nlocal function f(a) return a + ${i} end\nreturn { f = f }\n`);

describe('bounded tree cache', () => {
  it('keeps trees within the budget and re-parses evicted ones identically', () => {
    const files = Array.from({ length: 50 }, (_, i) => lua(1000 + i));
    const cache = new LuaFactsCache(files[0]!.length * 5);
    const first = files.map((b, i) => JSON.stringify(luaFileFacts(b, `f${i}.lua`, cache).parsed.ast));
    expect(cache.treeCacheBytes()).toBeGreaterThan(0);
    expect(cache.treeCacheBytes()).toBeLessThanOrEqual(files[0]!.length * 5);
    const again = files.map((b, i) => luaFileFacts(Buffer.from(b), `g${i}.lua`, cache));
    expect(again.map((f) => JSON.stringify(f.parsed.ast))).toEqual(first);
    expect(cache.treeCacheBytes()).toBeLessThanOrEqual(files[0]!.length * 5);
    // the kept facts need no tree
    expect(again[3]!.sites.map((s) => s.name)).toEqual(['lib.x1003']);
    expect(again[3]!.parsed.file).toBe('g3.lua');
    expect(again[3]!.functions).toBe(1);
  });

  it('luaFileFactsWithTree: the tree of the parse that made the facts, a new parse once they are known', () => {
    const cache = new LuaFactsCache(0);
    const b = lua(7);
    const first = luaFileFactsWithTree(b, 'a.lua', false, cache);
    expect(first.ast).toBeDefined(); // the facts were computed now: their parse comes along
    expect(cache.treeCacheBytes()).toBe(0);
    expect(luaFileFactsWithTree(b, 'a.lua', false, cache).ast).toBeUndefined(); // known: no parse asked for
    const again = luaFileFactsWithTree(b, 'a.lua', true, cache);
    expect(again.ast).not.toBe(first.ast);
    expect(JSON.stringify(again.ast)).toBe(JSON.stringify(first.ast));
    expect(again.facts.sites).toEqual(first.facts.sites);
  });

  it('a file that does not parse keeps its error and has no tree', () => {
    const f = luaFileFacts(Buffer.from('local = 1\n'), 'bad.lua', new LuaFactsCache(0));
    expect(f.error?.line).toBe(1);
    expect(f.parsed.ast).toBeUndefined();
    expect(f.parsed.error).toEqual(f.error);
    expect(f.sites).toEqual([]);
  });
});
