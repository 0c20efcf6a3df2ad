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

  describe('near copies (a decision accepts the difference)', () => {
    const n = fixtureCase('lua/extract-function-clone', 'near-copies-merged-by-decision-each-site-keeps-its-text');
    const params = n.params as { sites: { file: string; target: string; tail?: string }[]; acceptDifferences?: boolean };
    it('refuses differing copies without acceptDifferences (PLAN-223), naming the decision', () => {
      expect(() => runApply(transform, n.files, { ...params, acceptDifferences: false }, n.config)).toThrow(
        expect.objectContaining({ code: 'PLAN-223', message: expect.stringMatching(/U\.clamp in ao-processes\/b\/util\.lua is not an identical copy/) }),
      );
    });
    it('refuses a differing site whose own text the step does not hold (PLAN-227): its inverse could not restore it', () => {
      const sites = params.sites.map((s) => ({ file: s.file, target: s.target }));
      expect(() => runApply(transform, n.files, { ...params, sites }, n.config)).toThrow(expect.objectContaining({ code: 'PLAN-227' }));
    });
    it('refuses a site that no longer has the text the plan recorded (PLAN-228)', () => {
      const edited = { ...n.files, 'ao-processes/c/util.lua': n.files['ao-processes/c/util.lua']!.replace('-- same as a', '-- edited') };
      expect(() => runApply(transform, edited, params, n.config)).toThrow(expect.objectContaining({ code: 'PLAN-228' }));
    });
  });
});
