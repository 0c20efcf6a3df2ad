import { describe, expect, it } from 'vitest';
import { transform } from './index.ts';
import { fixtureCase } from '../../../test/support/fixtureDirs.ts';
import { runApply, textOf } from '../../../test/support/transformHarness.ts';

describe('lua/extract-function-clone', () => {
  const f = fixtureCase('lua/extract-function-clone', 'a-recursive-helper-rewritten-in-two-handler-modules');
  it('moves the clone into a helper module and binds each copy to it', () => {
    const { tree } = runApply(transform, f.files, f.params, f.config);
    const out = textOf(tree);
    expect(out['ao-processes/a/handler.lua']).toBe(
      'local M = {}\n-- copy helper\nlocal deepCopy = require("runtime.helpers.deep-copy").deepCopy\nfunction M.get(x) return deepCopy(x) end\nreturn M\n',
    );
    expect(out['ao-processes/b/handler.lua']).toBe(
      '\xEF\xBB\xBFlocal M = {}\nlocal deepCopy = require("runtime.helpers.deep-copy").deepCopy\nM.copy = deepCopy\nreturn M',
    );
    expect(out['ao-processes/runtime/helpers/deep-copy.lua']).toContain('local function deepCopy(t)\n  if type(t)');
  });

  it('refuses a function that closes over a file local, and a differing copy', () => {
    expect(() =>
      runApply(
        transform,
        f.files,
        {
          ...(f.params as object),
          sites: [
            { file: 'ao-processes/a/handler.lua', target: 'deepCopy' },
            { file: 'ao-processes/b/util.lua', target: 'U.deepCopy' },
          ],
        },
        f.config,
      ),
    ).toThrow(/uses file locals \(U\)|not an identical copy/);
    const drifted = { ...f.files, 'ao-processes/b/handler.lua': f.files['ao-processes/b/handler.lua']!.replace('return r', 'return r or {}') };
    expect(() => runApply(transform, drifted, f.params, f.config)).toThrow(/not an identical copy/);
  });
});
