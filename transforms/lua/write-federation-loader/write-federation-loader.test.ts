import { describe, expect, it } from 'vitest';
import { loaderModulePath, transform } from './index.ts';
import { fixtureCase } from '../../../test/support/fixtureDirs.ts';
import { runApply, textOf } from '../../../test/support/transformHarness.ts';
import { federationLoader } from '../../../src/bundle/loaderModule.ts';

describe('lua/write-federation-loader', () => {
  const f = fixtureCase('lua/write-federation-loader', 'writes-the-loader-next-to-the-runtime-modules');

  it('writes the loader module where its require name resolves; the inverse deletes it', () => {
    const { tree } = runApply(transform, f.files, f.params, f.config);
    expect(loaderModulePath(f.config)).toBe('ao-processes/runtime/ao_federate.lua');
    expect(textOf(tree)['ao-processes/runtime/ao_federate.lua']).toBe(federationLoader());
  });

  it('refuses to overwrite a project module of the reserved name (PLAN-226)', () => {
    const files = { ...f.files, 'ao-processes/runtime/ao_federate.lua': 'return "mine"\n' };
    expect(() => runApply(transform, files, f.params, f.config)).toThrow(/PLAN-226|is not the federation loader/);
  });
});
