// One reader of <runtime.dir>/manifest.json with one behaviour on bad input: BUNDLE-003 naming
// the file, whether the bundler or a codemod (federate-requires, write-runtime-manifest) reads it.
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../src/graph/runtimeManifest.ts';
import { buildBundleGraph } from '../../src/bundle/closure.ts';
import { computeManifest } from '../../transforms/lua/write-runtime-manifest/index.ts';
import { MemoryWorkspace } from '../../src/stage/workspace.ts';
import { MigrateError } from '../../src/errors.ts';
import { layoutConfig } from './helpers/layoutFixture.ts';

const config = layoutConfig({
  sourceRoot: 'src',
  processes: [{ name: 'a', entry: 'src/a/main.lua' }],
  runtime: { dir: 'src/runtime', namespace: 'runtime', shareThreshold: 2, version: '1.0.0' },
});
const ws = (manifest: string) =>
  new MemoryWorkspace({ 'src/a/main.lua': 'local u = require("runtime.u")\n', 'src/runtime/u.lua': 'return {}\n', 'src/runtime/manifest.json': manifest });

function codeOf(fn: () => unknown): { code: string; file?: string; message: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(MigrateError);
    const m = e as MigrateError;
    return { code: m.code, file: m.location?.file, message: m.message };
  }
  throw new Error('did not throw');
}

describe('runtime manifest: one reader', () => {
  for (const [label, text, says] of [
    ['not JSON', '{"version": ', 'is not valid JSON'],
    ['JSON of another shape', '{"version": "1.0.0"}', 'is not a runtime manifest: modules:'],
  ] as const) {
    it(`${label}: BUNDLE-003 with the file, from every reader`, () => {
      for (const read of [() => readManifest(ws(text), config), () => buildBundleGraph(config, ws(text)), () => computeManifest(ws(text), config)]) {
        const e = codeOf(read);
        expect(e.code).toBe('BUNDLE-003');
        expect(e.file).toBe('src/runtime/manifest.json');
        expect(e.message).toContain(says);
      }
    });
  }

  it('no manifest: undefined; a good one is read', () => {
    expect(readManifest(new MemoryWorkspace({}), config)).toBeUndefined();
    const good = { version: '1.2.0', modules: [{ name: 'runtime.u', path: 'src/runtime/u.lua', version: '1.2.0', hash: 'x', exports: [], bytes: 10 }] };
    expect(readManifest(ws(JSON.stringify(good)), config)).toEqual(good);
  });
});
