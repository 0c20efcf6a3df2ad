import { describe, expect, it } from 'vitest';
import { aliasCallers, transform } from './index.ts';
import { fixtureCase } from '../../../test/support/fixtureDirs.ts';
import { treeOf } from '../../../test/support/treeSnapshots.ts';
import { runApply, textOf } from '../../../test/support/transformHarness.ts';
import { fixtureConfig } from '../../../test/support/fixtureConfig.ts';

describe('lua/move-to-runtime', () => {
  it('moves modules and rewrites every require form, keeping quotes and bytes around', () => {
    const f = fixtureCase('lua/move-to-runtime', 'every-require-form-crlf-bom-no-final-newline-dashes-globals');
    const { tree } = runApply(transform, f.files, f.params, f.config);
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
    const f = fixtureCase('lua/move-to-runtime', 'init-lua-module-require-cycle-dotted-bare-require');
    const { tree } = runApply(transform, f.files, f.params, f.config);
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
    // with these callers the contract (exact inverse) is checked on fixtures/alias-of-a-symlinked-folder-with-callers
    expect(fixtureCase('lua/move-to-runtime', 'alias-of-a-symlinked-folder-with-callers').params).toEqual({ ...params, callers });
  });

  it('skips a module that resolves nowhere and refuses a target that exists', () => {
    const config = fixtureConfig(['p']);
    const nowhere = fixtureCase('lua/move-to-runtime', 'unchanged-module-resolves-nowhere');
    expect(runApply(transform, nowhere.files, nowhere.params, nowhere.config).notes.join()).toMatch(/skipped nope/);
    const clash = { 'ao-processes/x.lua': 'return 1', 'ao-processes/runtime/x.lua': 'return 2' };
    expect(() => runApply(transform, clash, { modules: ['x'] }, config)).toThrow(/already exists/);
  });

  it('rewrites package.loaded / package.preload keys with the requires, byte-exact, with an exact inverse', () => {
    const f = fixtureCase('lua/move-to-runtime', 'package-loaded-and-preload-keys-crlf');
    const { tree } = runApply(transform, f.files, f.params, f.config);
    expect(textOf(tree)['ao-processes/p/main.lua']).toBe(
      'local X = require("runtime.shared.x")\r\npackage.loaded["runtime.shared.x"] = nil\r\nlocal y = package.loaded[\'runtime.shared.x\'] or require [[runtime.shared.x]]\r\npackage.preload[ [==[runtime.shared.x]==] ] = nil\r\nlocal other = package.loaded["shared.y"]\r\nlocal s = "package.loaded[\\"shared.x\\"]"',
    );
  });

  it('refuses, with file:line:col, a package.loaded.<field> that would need a dotted name, and an alias held as a string', () => {
    const config = fixtureConfig(['p']);
    const member = { 'ao-processes/p/main.lua': 'local u = require("utils")\n  package.loaded.utils = nil\n', 'ao-processes/utils.lua': 'return {}\n' };
    expect(() => runApply(transform, member, { modules: ['utils'] }, config)).toThrow(
      /^package\.loaded\.utils names module 'utils', which this step renames to 'runtime\.utils'/,
    );
    try {
      runApply(transform, member, { modules: ['utils'] }, config);
    } catch (e) {
      expect((e as { code?: string; location?: unknown }).code).toBe('PLAN-230');
      expect((e as { location?: unknown }).location).toEqual({ file: 'ao-processes/p/main.lua', line: 2, column: 18 });
    }
    const alias = {
      'ao-processes/p/main.lua': 'local u = require("p.module.utils")\npackage.loaded["p.module.utils"] = nil\n',
      'ao-processes/module/utils.lua': 'return {}\n',
    };
    const params = { modules: ['module.utils'], aliases: [{ name: 'p.module.utils', of: 'module.utils' }] };
    expect(() => runApply(transform, alias, params, config)).toThrow(/^package\.loaded\["p\.module\.utils"\] names 'p\.module\.utils'/);
    try {
      runApply(transform, alias, params, config);
    } catch (e) {
      expect((e as { code?: string }).code).toBe('PLAN-231');
      expect((e as { location?: unknown }).location).toEqual({ file: 'ao-processes/p/main.lua', line: 2, column: 16 });
    }
  });

  it('leaves a forwarding module for an excluded test that requires the old name; the inverse removes it', () => {
    const { files, params, config } = fixtureCase('lua/move-to-runtime', 'forwarder-for-an-excluded-test-requiring-the-old-name');
    const { tree } = runApply(transform, files, params, config);
    const out = textOf(tree);
    expect(out['ao-processes/lib/utils.lua']).toBe(
      'return require("runtime.lib.utils") -- ao-federate: moved to runtime.lib.utils; kept for code the migration does not rewrite (tests, scripts)\n',
    );
    expect(out['ao-processes/tests/utils-test.lua']).toBe(files['ao-processes/tests/utils-test.lua']);
    expect(out['dist/bundle.lua']).toBe(files['dist/bundle.lua']);
    // Without the test, nothing outside needs the old name (the bundle preloads it): no forwarder.
    const { tree: bare } = runApply(transform, { ...files, 'ao-processes/tests/utils-test.lua': '' }, params, config);
    expect(textOf(bare)['ao-processes/lib/utils.lua']).toBeUndefined();
  });
});
