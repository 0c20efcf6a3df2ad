import { describe, expect, it } from 'vitest';
import { transform } from './index.ts';
import { fixtureCase } from '../../../test/support/fixtureDirs.ts';
import { runApply, textOf } from '../../../test/support/transformHarness.ts';
import type { RuntimeManifest } from '../../../src/graph/runtimeManifest.ts';

const manifestOf = (files: Record<string, string>): RuntimeManifest => JSON.parse(files['ao-processes/runtime/manifest.json']!);

describe('lua/write-runtime-manifest', () => {
  const f = fixtureCase('lua/write-runtime-manifest', 'exports-of-every-module-shape');
  it('lists modules with exports, hash and bytes', () => {
    const { tree } = runApply(transform, f.files, f.params, f.config);
    const m = manifestOf(textOf(tree));
    expect(m.version).toBe('1.0.0');
    expect(m.modules.map((x) => [x.name, x.version, x.exports, x.bytes])).toEqual([
      ['runtime.a', '1.0.0', ['f', 'g', 'h-i', 'size', 'x'], f.files['ao-processes/runtime/a.lua']!.length],
      ['runtime.b', '1.0.0', ['decode', 'encode'], f.files['ao-processes/runtime/b.lua']!.length],
      ['runtime.c', '1.0.0', ['GlobalFn', 'Globals'], f.files['ao-processes/runtime/c/init.lua']!.length],
    ]);
    expect(m.modules[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('bumps major on a removed export, minor on an added one, patch on new bytes', () => {
    const first = textOf(runApply(transform, f.files, {}, f.config).tree);
    const next = {
      ...first,
      'ao-processes/runtime/a.lua': 'local M = { size = 1 }\nM.x = 1\nfunction M.f() end\nfunction M:g() end\nM["h-i"] = 2\nM.added = 3\nreturn M\n',
      'ao-processes/runtime/b.lua': 'local function enc() end\nreturn { encode = enc }',
      'ao-processes/runtime/c/init.lua': 'Globals = {} -- same API\nfunction GlobalFn() end\n',
    };
    const m = manifestOf(textOf(runApply(transform, next, {}, f.config).tree));
    expect(m.modules.map((x) => x.version)).toEqual(['1.1.0', '2.0.0', '1.0.1']);
    expect(m.version).toBe('2.0.0');
  });
});
