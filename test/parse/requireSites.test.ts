// Require sites come from the AST: every written form, two on one line, none in strings or
// comments, none through a shadowed local `require`, non-literal names reported as dynamic.
import { describe, expect, it } from 'vitest';
import { parseLua } from '../../src/parse/luaSource.ts';
import { findRequires, referencesFederation } from '../../src/graph/requireSites.ts';

const sitesOf = (src: string) => {
  const p = parseLua(src, 't.lua');
  if (!p.ast) throw new Error(p.error!.message);
  return { ...findRequires(p.ast, p.text), text: p.text };
};

describe('findRequires', () => {
  it('finds each form with its literal range, raw text and 1-based position', () => {
    const src = [
      'local a = require("a.b")',
      "local b = require 'c-d'",
      'local c = require [[long.name]]',
      'local d = require [==[x.y]==]',
      'local ok, e = pcall(require, "json")',
      'G = require("glob.al")',
    ].join('\n');
    const { sites, text } = sitesOf(src);
    expect(sites.map((s) => [s.name, s.form, s.raw, s.line, s.column])).toEqual([
      ['a.b', 'paren', '"a.b"', 1, 11],
      ['c-d', 'bare-string', "'c-d'", 2, 11],
      ['long.name', 'long-string', '[[long.name]]', 3, 11],
      ['x.y', 'long-string', '[==[x.y]==]', 4, 11],
      ['json', 'pcall', '"json"', 5, 15],
      ['glob.al', 'paren', '"glob.al"', 6, 5],
    ]);
    for (const s of sites) {
      expect(text.slice(...s.literalRange)).toBe(s.raw);
      expect(text.slice(...s.nameRange)).toBe(s.name);
    }
    expect(text.slice(...sites[4]!.callRange)).toBe('pcall(require, "json")');
    expect(sites[4]!.guarded).toBe(true);
    expect(sites[5]!.assignedGlobal).toBe('G');
    expect(sites[0]!.assignedGlobal).toBeUndefined();
  });

  it('finds two requires on one line and none in strings or comments', () => {
    const src = 'local a, b = require("one"), require("two") -- require("three")\nlocal s = "require(\'four\')"\n--[[ require "five" ]]';
    expect(sitesOf(src).sites.map((s) => s.name)).toEqual(['one', 'two']);
  });

  it('ignores calls through a shadowed local require, but not the global after the scope', () => {
    const src = 'do\n  local require = function(n) return n end\n  local x = require("fake")\nend\nlocal y = require("real")';
    expect(sitesOf(src).sites.map((s) => s.name)).toEqual(['real']);
    expect(sitesOf('local function f(require) return require("p") end').sites).toEqual([]);
  });

  it('reports non-literal names as dynamic with their expression', () => {
    const { sites, dynamic } = sitesOf('local n = "x"\nlocal m = require(n)\nlocal k = require("pre." .. n)\nlocal ok = pcall(require, n)');
    expect(sites).toEqual([]);
    expect(dynamic.map((d) => [d.expression, d.line])).toEqual([
      ['n', 2],
      ['"pre." .. n', 3],
      ['n', 4],
    ]);
  });

  it('sees federated requires with their version range', () => {
    const { sites } = sitesOf('local r = Federation.require("runtime.x", "^1.0.0")\nlocal ok, q = pcall(Federation.require, "runtime.y", "^1.2.0")');
    expect(sites.map((s) => [s.name, s.federated, s.version, s.form])).toEqual([
      ['runtime.x', true, '^1.0.0', 'paren'],
      ['runtime.y', true, '^1.2.0', 'pcall'],
    ]);
    const p = parseLua('FEDERATION_MODE = FEDERATION_MODE or "hybrid"\nlocal Federation = {}\nFederation.x = 1', 'f.lua');
    expect(referencesFederation(p.ast!)).toBe(false);
    expect(referencesFederation(parseLua('Federation.status()', 'g.lua').ast!)).toBe(true);
  });
});
