// The registry lists built-in transform ids from file names (so `status` does not import the
// transforms); this checks that every built-in transform's id is its folder and file name.
import { describe, expect, it } from 'vitest';
import { loadTransforms, transformIds } from '../../src/transform/registry.ts';

describe('transformIds', () => {
  it('names exactly the transforms the registry loads', async () => {
    const cheap = await transformIds();
    const loaded = new Set((await loadTransforms()).keys());
    expect([...cheap].sort()).toEqual([...loaded].sort());
    expect(cheap.size).toBeGreaterThan(5);
  });
});
