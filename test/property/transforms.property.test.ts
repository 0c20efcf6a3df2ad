// For every registered Lua transform, over generated projects (every comment / long-string /
// CRLF / BOM / final-newline / require form, cycles, modules returning nothing): revert(apply(S))
// is byte-identical through the recorded pre-images and through `inverse`, apply is idempotent
// and every output re-parses. Params are derived from the generated project per transform;
// transforms that need a state another transform makes (federate-requires needs runtime
// modules) run on the state after move-to-runtime. Transforms the generator cannot feed run on
// their fixture folders (transforms/lua/<id>/fixtures) through the same checker.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTransforms } from '../../src/transform/registry.ts';
import { configForCase, listFixtureCases, readTreeDir } from '../support/fixtureDirs.ts';
import { generatedProject, type GeneratedProject } from './generatedProject.ts';
import { checkRoundTrip } from './roundTrip.ts';
import { checkAndRecord, loadRegressions, runs } from './regressions.ts';
import { checkProject, DERIVE, FIXTURES_ONLY } from './transformProperty.ts';

const DEFAULT_RUNS = 2000;

describe('lua transforms: round trip over generated projects', async () => {
  const all = await loadTransforms();

  it('every registered Lua transform is covered (derived params or its own fixtures)', () => {
    const lua = [...all.values()].filter((t) => t.language === 'lua').map((t) => t.id);
    expect(lua.length).toBeGreaterThan(0);
    expect(lua.filter((id) => !DERIVE[id] && !FIXTURES_ONLY.has(id))).toEqual([]);
  });

  it.each(loadRegressions<GeneratedProject>('lua-transforms').map((r) => [r.file, r.fixture] as const))('regression %s', (_f, fixture) => {
    checkProject(all, fixture.counterexample);
  });

  it(`revert(apply(S)) == S, idempotent, re-parses (${runs(DEFAULT_RUNS)} cases)`, async () => {
    await checkAndRecord('lua-transforms', generatedProject({ withCopy: true }), (g) => checkProject(all, g), runs(DEFAULT_RUNS));
  }, 600_000);

  it('fixture-only transforms pass the same checker on their exported fixtures', async () => {
    for (const id of FIXTURES_ONLY) {
      const t = all.get(id);
      if (!t) continue;
      const cases = listFixtureCases(id).filter((c) => !c.unchanged);
      expect(cases.length, `${id} has fixture cases`).toBeGreaterThan(0);
      for (const c of cases) {
        const files = readTreeDir(path.join(c.dir, 'input'));
        expect(checkRoundTrip(t, files, c.params, configForCase(c)).problems, `${id} / ${c.caseName}`).toEqual([]);
      }
    }
  });
});
