// Story mapping and the module-level duplicate helpers the story codemods rely on.
import { describe, expect, it } from 'vitest';
import { storyOfProcess } from '../../src/plan/planners/shells.ts';
import fc from 'fast-check';
import { driftedGroups, exactCopyGroups, lineSimilarity, mayBeSimilar, similarEnough } from '../../src/plan/planners/duplicateModules.ts';
import { MemoryWorkspace } from '../../src/stage/workspace.ts';
import { fixtureConfig } from '../support/fixtureConfig.ts';

describe('story codemods', () => {
  it('maps processes to their stories', () => {
    expect(['battle', 'pokemon', 'economy', 'shop', 'admin'].map(storyOfProcess)).toEqual(['36.3', '36.4', '36.5', '36.5', '36.6']);
  });

  it('line similarity is a Dice coefficient over lines', () => {
    expect(lineSimilarity('a\nb\nc\nd\n', 'a\nb\nc\nd\n')).toBe(1);
    expect(lineSimilarity('a\nb\nc\nd\n', 'a\nb\nc\nx\n')).toBe(0.75);
    expect(lineSimilarity('a\n', 'b\n')).toBe(0);
  });

  it('the shared-lines bound never rules out a pair the diff finds similar enough', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', 'd', 'local x = 1', '', '  end'), { maxLength: 12 })
      .chain((lines) =>
        fc.tuple(fc.constant(lines), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([ls, eol, last]) => ls.join(eol) + (last && ls.length ? eol : '')),
      );
    fc.assert(
      fc.property(text, text, fc.constantFrom(0.3, 0.5, 0.6, 0.8), (a, b, min) => {
        if (lineSimilarity(a, b) >= min) expect(mayBeSimilar(a, b, min)).toBe(true);
        expect(similarEnough(a, b, min)).toBe(lineSimilarity(a, b) >= min);
      }),
      { numRuns: 2000 },
    );
    expect(mayBeSimilar('a\nb\nc\nd\n', 'w\nx\ny\nz\n', 0.6)).toBe(false);
  });

  it('groups exact copies (shared folder first) and drifted copies with their diff', () => {
    const config = fixtureConfig(['a', 'b']);
    const ws = new MemoryWorkspace({
      'ao-processes/a/util.lua': 'return 1\n',
      'ao-processes/shared/util.lua': 'return 1\n',
      'ao-processes/a/rng.lua': 'local M = {}\nfunction M.init(seed)\nend\nreturn M\n',
      'ao-processes/b/rng.lua': 'local M = {}\nfunction M.init(seed, ts)\nend\nreturn M\n',
    });
    const mods = ws.list().map((path) => ({ path, name: path.slice(13, -4).replace(/\//g, '.') }));
    expect(exactCopyGroups(ws, config, mods).map((g) => g.map((m) => m.path))).toEqual([['ao-processes/shared/util.lua', 'ao-processes/a/util.lua']]);
    const drift = driftedGroups(ws, config, mods);
    expect(drift.map((d) => d.fileName)).toEqual(['rng.lua']);
    expect(drift[0]!.diff).toContain('+function M.init(seed, ts)');
  });
});
