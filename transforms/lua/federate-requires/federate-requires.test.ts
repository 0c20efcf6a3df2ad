import { describe, expect, it } from 'vitest';
import { transform } from './index.ts';
import { fixtureCase } from '../../../test/support/fixtureDirs.ts';
import { runApply, textOf } from '../../../test/support/transformHarness.ts';

describe('lua/federate-requires', () => {
  it('federates only the process own files, with the manifest range, keeping quotes', () => {
    const f = fixtureCase('lua/federate-requires', 'all-forms-in-entry-and-own-module-runtime-internal-requires');
    const { tree } = runApply(transform, f.files, f.params, f.config);
    const out = textOf(tree);
    expect(out['ao-processes/battle/main.lua']).toBe(
      '-- battle\r\nrequire("runtime.ao_federate")\r\nlocal rng = Federation.require("runtime.rng", "^1.2.0")\r\nlocal u = Federation.require (\'runtime.utils\', \'^1.0.0\')\r\nlocal l = Federation.require ([[runtime.utils]], "^1.0.0")\r\nlocal ok, j = pcall(Federation.require, "runtime.utils", "^1.0.0")\r\nlocal own = require("battle.turn")\r\nlocal json = require("json")\r\nreturn own',
    );
    expect(out['ao-processes/battle/turn.lua']).toBe('require("runtime.ao_federate")\nlocal rng = Federation.require( "runtime.rng", "^1.2.0" )\nreturn {}\n');
    expect(out['ao-processes/pokemon/main.lua']).toBe(f.files['ao-processes/pokemon/main.lua']);
    expect(out['ao-processes/runtime/rng.lua']).toBe(f.files['ao-processes/runtime/rng.lua']);
  });

  it('rejects an unknown process', () => {
    const f = fixtureCase('lua/federate-requires', 'all-forms-in-entry-and-own-module-runtime-internal-requires');
    expect(() => runApply(transform, f.files, { process: 'nope' }, f.config)).toThrow(/unknown process/);
  });
});
