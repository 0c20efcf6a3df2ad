// The example must stay the size of the real system (issue 3): it cannot shrink into a toy.
import { describe, expect, it } from 'vitest';
import { closureOf, entryFile } from './exampleBundle.ts';
import { measureExample } from './moduleSizes.ts';

describe('example size and shape', () => {
  const figures = measureExample();
  const bytesOf = (name: string) => figures.processes.find((p) => p.name === name)!.bytes;

  it('has at least 120 modules and 1.2 MB of Lua', () => {
    expect(figures.modules).toBeGreaterThanOrEqual(120);
    expect(figures.luaBytes).toBeGreaterThanOrEqual(1_200_000);
  });

  it('has everything-bundles of the real sizes', () => {
    expect(bytesOf('battle')).toBeGreaterThanOrEqual(700_000);
    expect(bytesOf('pokemon')).toBeGreaterThanOrEqual(500_000);
  });

  it('shares at least 80 % of the battle closure with other processes', () => {
    expect(figures.battleSharedRatio).toBeGreaterThanOrEqual(0.8);
  });

  it('the bundler graph and the test resolver agree on every closure; only aos builtins stay unresolved', () => {
    const builtins = new Set(['json', '.crypto', '.base64', '.utils', '.bint']);
    for (const p of figures.processes) {
      const { modules, unresolved } = closureOf(entryFile(p.name));
      expect([...modules.keys()].sort(), p.name).toEqual(p.closure);
      expect(
        [...unresolved].filter((n) => !builtins.has(n)),
        p.name,
      ).toEqual([]);
    }
  });
});
