import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { transform } from './index.ts';
import { fixtureCase } from '../../../test/support/fixtureDirs.ts';
import { runApply, textOf } from '../../../test/support/transformHarness.ts';

describe('lua/extract-inline-duplicate', () => {
  const f = fixtureCase('lua/extract-inline-duplicate', 'identical-json-fallback-in-two-entries');
  it('extracts the identical block into a runtime module taking the file locals', () => {
    const { tree } = runApply(transform, f.files, f.params, f.config);
    const out = textOf(tree);
    expect(out['ao-processes/a/main.lua']).toBe(
      '-- a\nlocal ok, json = pcall(require, "json")\njson, ok = require("runtime.inline.json-fallback")(json, ok)\nprint(json.encode(1))\n',
    );
    expect(out['ao-processes/b/main.lua']).toBe(
      'local ok, json = pcall(require, \'json\')\njson, ok = require("runtime.inline.json-fallback")(json, ok)\nreturn json',
    );
    expect(out['ao-processes/runtime/inline/json-fallback.lua']).toContain('return function(json, ok)\nif not ok then');
  });

  it('finds a block by its sha256 when earlier edits shifted its lines', () => {
    const s = fixtureCase('lua/extract-inline-duplicate', 'block-found-by-sha256-after-lines-shifted');
    const block = f.files['ao-processes/b/main.lua']!.split('\n').slice(1, 5).join('\n') + '\n';
    const hash = createHash('sha256').update(block).digest('hex');
    expect((s.params as { blocks: { sha256: string }[] }).blocks.map((b) => b.sha256)).toEqual([hash, hash]);
    expect(s.files['ao-processes/a/main.lua']).toBe(`-- one more line\n${f.files['ao-processes/a/main.lua']}`);
    const { tree } = runApply(transform, s.files, s.params, s.config);
    expect(textOf(tree)['ao-processes/a/main.lua']).toContain('-- a\nlocal ok, json = pcall(require, "json")\njson, ok = require(');
  });

  it('refuses differing blocks and blocks cutting a statement', () => {
    const drifted = { ...f.files, 'ao-processes/b/main.lua': f.files['ao-processes/b/main.lua']!.replace('tostring(v)', '"x"') };
    expect(() => runApply(transform, drifted, f.params, f.config)).toThrow(/differs/);
    const cut = {
      ...(f.params as object),
      blocks: [
        { file: 'ao-processes/a/main.lua', startLine: 3, endLine: 4 },
        { file: 'ao-processes/b/main.lua', startLine: 2, endLine: 3 },
      ],
    };
    expect(() => runApply(transform, f.files, cut, f.config)).toThrow(/whole top-level statements/);
  });
});
