// --minify drops comments and whitespace only: tokens that would fuse keep a space, strings and
// long strings are untouched, and the result evaluates to the same value on aos.
import luaparse from 'luaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { minifyLua } from '../../src/bundle/minify.ts';
import { bootWith, lua, type AosProcess } from './helpers.ts';

const SNIPPETS: Record<string, string> = {
  'double minus': 'local b = 3\nreturn 1 - -b',
  'number then concat': 'return 1 .. 2',
  'concat chain': 'local a, b = "x", "y"\nreturn a .. b .. "..."',
  'float dot': 'return .5 + 1.',
  'long string index': 'local t = { ["[[k]]"] = 1, [ [[k2]] ] = 2 }\nreturn t[ [[k2]] ] + t["[[k]]"]',
  'comparison ops': 'local x = 2\nreturn tostring(x <= 2) .. tostring(x >= 3) .. tostring(x ~= 1) .. tostring(x == 2)',
  'bitwise and floor': 'return (7 // 2) .. (1 << 4) .. (256 >> 2) .. (5 & 3) .. (5 | 2) .. (5 ~ 1) .. (~0)',
  'strings with comment-like text': 'return "a -- not a comment" .. \'b --[[ nor this ]]\' .. [==[\nc ]] -- raw\n]==]',
  'comments everywhere': '--[[ block\ncomment ]] local x = --[==[ inline ]==] 4 -- trailing\n-- line\nreturn x --[[ end ]]',
  'goto and labels': 'local n = 0\n::top:: n = n + 1\nif n < 3 then goto top end\nreturn n',
  'method and varargs': 'local s = "abc"\nlocal function f(...) return select("#", ...) end\nreturn s:upper() .. f(1, nil, 3)',
  'keywords glued': 'local function g() return not nil and true or false end\nreturn tostring(g())',
  'escapes kept': 'return "tab\\tq\\"\\65\\x42\\u{43}"',
};

describe('minifyLua', () => {
  let p: AosProcess;
  beforeAll(async () => {
    p = await bootWith([]);
  });

  it.each(Object.entries(SNIPPETS))('%s: re-parses and evaluates to the same value', async (_name, code) => {
    const min = minifyLua(code, 'snippet.lua');
    expect(() => luaparse.parse(min, { luaVersion: '5.3' })).not.toThrow();
    expect(min).not.toMatch(/--\[\[ block|-- trailing|-- line/);
    expect(min.length).toBeLessThanOrEqual(code.length + 1);
    expect(await lua(p, min)).toBe(await lua(p, code));
  });

  it('keeps string literals byte for byte and removes only comments and whitespace', () => {
    const code = 'local s = "  spaced  -- text  "   -- comment\nlocal   t   =   { 1 ,  2 }';
    expect(minifyLua(code, 'x.lua')).toBe('local s="  spaced  -- text  "\nlocal t={1,2}\n');
  });
});
