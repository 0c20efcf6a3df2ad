import { describe, expect, it } from 'vitest';
import { specialisationOf, transform } from './index.ts';
import { fixtureCase } from '../../../test/support/fixtureDirs.ts';
import { runApply, textOf } from '../../../test/support/transformHarness.ts';
import { treeOf } from '../../../test/support/treeSnapshots.ts';

describe('lua/specialise-process', () => {
  const f = fixtureCase('lua/specialise-process', 'exclusive-shared-module-moves-in-shared-ones-stay-unreachabl');
  it('finds the modules only this process uses and the unreachable ones', () => {
    expect(specialisationOf(treeOf(f.files), f.config, 'battle')).toEqual({
      exclusive: ['game-logic.damage'],
      unreachable: ['ao-processes/battle/old-unused.lua'],
    });
  });

  it('moves them into the process folder, rewires requires, reports unreachable files', () => {
    const { tree, notes } = runApply(transform, f.files, f.params, f.config);
    const out = textOf(tree);
    expect(out['ao-processes/battle/game-logic/damage.lua']).toBe(f.files['ao-processes/game-logic/damage.lua']);
    expect(out['ao-processes/battle/main.lua']).toContain('require("battle.game-logic.damage")');
    expect(out['ao-processes/battle/turn.lua']).toBe('local d = require "battle.game-logic.damage"\nlocal s = require("game-logic.shared")\nreturn {}\n');
    expect(out['ao-processes/game-logic/shared.lua']).toBeDefined();
    expect(notes.join('\n')).toContain('old-unused.lua is not reachable');
  });

  it('without a module list it computes the same move', () => {
    const { tree } = runApply(transform, f.files, { process: 'battle' }, f.config);
    expect(textOf(tree)['ao-processes/battle/game-logic/damage.lua']).toBeDefined();
  });
});
