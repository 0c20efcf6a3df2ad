import { describe, expect, it } from 'vitest';
import { aliasCallers, fixtures, transform } from './move-to-runtime.ts';
import { treeOf } from '../../codemods/lib/treeSnapshots.ts';
import { checkContract, runApply, textOf } from './lib/transformHarness.ts';
import { fixtureConfig } from './lib/fixtureConfig.ts';

describe('lua/move-to-runtime', () => {
  it('moves modules and rewrites every require form, keeping quotes and bytes around', () => {
    const f = fixtures[0]!;
    const { tree, problems } = checkContract(transform, f.files, f.params, f.config);
    expect(problems).toEqual([]);
    const out = textOf(tree);
    expect(Object.keys(out).sort()).toEqual([
      'ao-processes/a/main.lua',
      'ao-processes/b/main.lua',
      'ao-processes/runtime/game-logic/battle-rng.lua',
      'ao-processes/runtime/util/table-utils.lua',
    ]);
    expect(out['ao-processes/a/main.lua']).toBe(
      '\xEF\xBB\xBF-- entry\r\nlocal rng = require("runtime.game-logic.battle-rng")\r\nlocal u = require \'runtime.util.table-utils\'\r\nlocal l = require [[runtime.util.table-utils]]\r\nBattleRNG = require "runtime.game-logic.battle-rng"\r\nlocal ok, j = pcall(require, "runtime.util.table-utils")\r\nlocal h = require(".handlers")\r\nreturn rng',
    );
    expect(out['ao-processes/runtime/game-logic/battle-rng.lua']).toBe('local M = {}\nfunction M.next() return 4 end\nreturn M');
  });

  it('handles init.lua modules, require cycles and dotted bare requires', () => {
    const config = fixtureConfig(['p']);
    const files = {
      'ao-processes/p/main.lua': 'local a = require "a.b"\nreturn a\n',
      'ao-processes/a/b/init.lua': 'local c = require("c")\nreturn { c = c }\n',
      'ao-processes/c.lua': 'local ab = require("a.b")\nreturn {}\n',
    };
    const { tree, problems } = checkContract(transform, files, { modules: ['a.b', 'c'] }, config);
    expect(problems).toEqual([]);
    const out = textOf(tree);
    expect(out['ao-processes/runtime/a/b/init.lua']).toBe('local c = require("runtime.c")\nreturn { c = c }\n');
    expect(out['ao-processes/runtime/c.lua']).toBe('local ab = require("runtime.a.b")\nreturn {}\n');
    expect(out['ao-processes/p/main.lua']).toBe('local a = require "runtime.a.b"\nreturn a\n');
  });

  it('rewrites requires of an alias (symlinked folder) without moving a second file', () => {
    const config = fixtureConfig(['p']);
    const files = {
      'ao-processes/p/main.lua': 'local u = require("p.module.utils")\nlocal v = require("module.utils")\n',
      'ao-processes/module/utils.lua': 'return {}\n',
    };
    const params = { modules: ['module.utils'], aliases: [{ name: 'p.module.utils', of: 'module.utils' }] };
    const { tree } = runApply(transform, files, params, config);
    expect(textOf(tree)['ao-processes/p/main.lua']).toBe('local u = require("runtime.module.utils")\nlocal v = require("runtime.module.utils")\n');
    const callers = aliasCallers(treeOf(files), config, params.modules, params.aliases);
    expect(callers).toEqual({ 'ao-processes/p/main.lua': ['p.module.utils', 'module.utils'] });
    expect(checkContract(transform, files, { ...params, callers }, config).problems).toEqual([]);
  });

  it('skips a module that resolves nowhere and refuses a target that exists', () => {
    const config = fixtureConfig(['p']);
    expect(runApply(transform, { 'ao-processes/p/main.lua': '' }, { modules: ['nope'] }, config).notes.join()).toMatch(/skipped nope/);
    const clash = { 'ao-processes/x.lua': 'return 1', 'ao-processes/runtime/x.lua': 'return 2' };
    expect(() => runApply(transform, clash, { modules: ['x'] }, config)).toThrow(/already exists/);
  });
});
