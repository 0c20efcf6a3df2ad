import { describe, expect, it } from 'vitest';
import { FLAG_LINE, FLAG_MARKER, fixtures, transform } from './add-hybrid-flag.ts';
import { checkContract, textOf } from './lib/transformHarness.ts';
import { fixtureConfig } from './lib/fixtureConfig.ts';

describe('lua/add-hybrid-flag', () => {
  it('inserts after shebang and comment block, in CRLF, keeping the BOM', () => {
    const f = fixtures[0]!;
    const { tree, problems } = checkContract(transform, f.files, f.params, f.config);
    expect(problems).toEqual([]);
    expect(textOf(tree)['ao-processes/battle/main.lua']).toBe(
      `\xEF\xBB\xBF#!/usr/bin/env lua\r\n-- Battle process\r\n--[[ long\r\ncomment ]]\r\n${FLAG_MARKER}\r\n${FLAG_LINE}\r\nlocal x = 1\r\nreturn x`,
    );
  });

  it('inserts at the top of a file without header', () => {
    const f = fixtures[1]!;
    const { tree, problems } = checkContract(transform, f.files, f.params, f.config);
    expect(problems).toEqual([]);
    expect(textOf(tree)['ao-processes/battle/main.lua']).toBe(`${FLAG_MARKER}\n${FLAG_LINE}\nlocal x = 1`);
  });

  it('handles an entry made only of a comment without final newline', () => {
    const { problems, tree } = checkContract(transform, { 'ao-processes/p/main.lua': '-- only a comment' }, { process: 'p' }, fixtureConfig(['p']));
    expect(problems).toEqual([]);
    expect(textOf(tree)['ao-processes/p/main.lua']).toBe(`${FLAG_MARKER}\n${FLAG_LINE}\n-- only a comment`);
  });

  it('goes after the loader require, which defines the Federation it reads', () => {
    const f = fixtures[2]!;
    const { tree, problems } = checkContract(transform, f.files, f.params, f.config);
    expect(problems).toEqual([]);
    expect(textOf(tree)['ao-processes/battle/main.lua']).toBe(`-- Battle\nrequire("runtime.ao_federate")\n${FLAG_MARKER}\n${FLAG_LINE}\nlocal r = Federation.require("runtime.rng", "^1.0.0")\n`);
  });
});
