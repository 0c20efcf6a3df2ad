import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { transform } from './index.ts';
import { fixtureCase } from '../../../test/support/fixtureDirs.ts';
import { checkContract, runApply, textOf } from '../../../test/support/transformHarness.ts';

describe('lua/extract-inline-duplicate', () => {
  const f = fixtureCase('lua/extract-inline-duplicate', 'identical-json-fallback-in-two-entries');
  it('extracts the identical block into a runtime module taking the file locals', () => {
    const { tree, problems } = checkContract(transform, f.files, f.params, f.config);
    expect(problems).toEqual([]);
    const out = textOf(tree);
    expect(out['ao-processes/a/main.lua']).toBe('-- a\nlocal ok, json = pcall(require, "json")\njson, ok = require("runtime.inline.json-fallback")(json, ok)\nprint(json.encode(1))\n');
    expect(out['ao-processes/b/main.lua']).toBe("local ok, json = pcall(require, 'json')\njson, ok = require(\"runtime.inline.json-fallback\")(json, ok)\nreturn json");
    expect(out['ao-processes/runtime/inline/json-fallback.lua']).toContain('return function(json, ok)\nif not ok then');
  });

  it('finds a block by its sha256 when earlier edits shifted its lines', () => {
    const block = f.files['ao-processes/b/main.lua']!.split('\n').slice(1, 5).join('\n') + '\n';
    const hash = createHash('sha256').update(block).digest('hex');
    const shifted = { ...f.files, 'ao-processes/a/main.lua': `-- one more line\n${f.files['ao-processes/a/main.lua']}` };
    const params = { ...(f.params as { blocks: object[] }), blocks: (f.params as { blocks: object[] }).blocks.map((b) => ({ ...b, sha256: hash })) };
    const { tree, problems } = checkContract(transform, shifted, params, f.config);
    expect(problems).toEqual([]);
    expect(textOf(tree)['ao-processes/a/main.lua']).toContain('-- a\nlocal ok, json = pcall(require, "json")\njson, ok = require(');
  });

  it('refuses differing blocks and blocks cutting a statement', () => {
    const drifted = { ...f.files, 'ao-processes/b/main.lua': f.files['ao-processes/b/main.lua']!.replace('tostring(v)', '"x"') };
    expect(() => runApply(transform, drifted, f.params, f.config)).toThrow(/differs/);
    const cut = { ...(f.params as object), blocks: [{ file: 'ao-processes/a/main.lua', startLine: 3, endLine: 4 }, { file: 'ao-processes/b/main.lua', startLine: 2, endLine: 3 }] };
    expect(() => runApply(transform, f.files, cut, f.config)).toThrow(/whole top-level statements/);
  });
});
