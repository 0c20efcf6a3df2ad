import { describe, expect, it } from 'vitest';
import { FLAG_LINE, FLAG_MARKER, transform } from './index.ts';
import { fixtureCase } from '../../../test/support/fixtureDirs.ts';
import { runApply, textOf } from '../../../test/support/transformHarness.ts';

describe('lua/add-hybrid-flag', () => {
  it('inserts after shebang and comment block, in CRLF, keeping the BOM', () => {
    const f = fixtureCase('lua/add-hybrid-flag', 'shebang-comment-block-bom-crlf');
    const { tree } = runApply(transform, f.files, f.params, f.config);
    expect(textOf(tree)['ao-processes/battle/main.lua']).toBe(
      `\xEF\xBB\xBF#!/usr/bin/env lua\r\n-- Battle process\r\n--[[ long\r\ncomment ]]\r\n${FLAG_MARKER}\r\n${FLAG_LINE}\r\nlocal x = 1\r\nreturn x`,
    );
  });

  it('inserts at the top of a file without header', () => {
    const f = fixtureCase('lua/add-hybrid-flag', 'no-header-no-final-newline');
    const { tree } = runApply(transform, f.files, f.params, f.config);
    expect(textOf(tree)['ao-processes/battle/main.lua']).toBe(`${FLAG_MARKER}\n${FLAG_LINE}\nlocal x = 1`);
  });

  it('handles an entry made only of a comment without final newline', () => {
    const f = fixtureCase('lua/add-hybrid-flag', 'comment-only-entry-no-final-newline');
    const { tree } = runApply(transform, f.files, f.params, f.config);
    expect(textOf(tree)['ao-processes/p/main.lua']).toBe(`${FLAG_MARKER}\n${FLAG_LINE}\n-- only a comment`);
  });

  it('goes after the loader require, which defines the Federation it reads', () => {
    const f = fixtureCase('lua/add-hybrid-flag', 'after-the-loader-require-of-federate-requires');
    const { tree } = runApply(transform, f.files, f.params, f.config);
    expect(textOf(tree)['ao-processes/battle/main.lua']).toBe(
      `-- Battle\nrequire("runtime.ao_federate")\n${FLAG_MARKER}\n${FLAG_LINE}\nlocal r = Federation.require("runtime.rng", "^1.0.0")\n`,
    );
  });
});
