import { describe, expect, it } from 'vitest';
import { transform } from './index.ts';
import { fixtureCase } from '../../../test/support/fixtureDirs.ts';
import { runApply, textOf } from '../../../test/support/transformHarness.ts';

describe('lua/merge-exact-copies', () => {
  const f = fixtureCase('lua/merge-exact-copies', 'the-same-utils-lua-at-five-paths-per-process-copied-folders');
  it('keeps one runtime copy, deletes the others and rewires every caller', () => {
    const { tree } = runApply(transform, f.files, f.params, f.config);
    const out = textOf(tree);
    expect(Object.keys(out).filter((p) => p.endsWith('utils.lua'))).toEqual(['ao-processes/runtime/a/lib/utils.lua']);
    for (const p of ['a', 'b', 'c', 'd', 'e']) {
      expect(out[`ao-processes/${p}/main.lua`]).toBe('local utils = require("runtime.a.lib.utils")\r\nreturn utils.copy({})\r\n');
    }
  });

  it('refuses a drifted copy unless the decision accepted the difference', () => {
    const drifted = { ...f.files, 'ao-processes/c/lib/utils.lua': `${f.files['ao-processes/c/lib/utils.lua']}\n` };
    expect(() => runApply(transform, drifted, f.params, f.config)).toThrow(/not an exact copy/);
    const { tree } = runApply(transform, drifted, { ...(f.params as object), acceptDifferences: true }, f.config);
    expect(textOf(tree)['ao-processes/runtime/a/lib/utils.lua']).toBe(f.files['ao-processes/a/lib/utils.lua']);
  });
});
