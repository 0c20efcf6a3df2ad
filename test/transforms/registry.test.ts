// Every transform the registry discovers under transforms/<lang>/<id>/ goes through the one
// generic test (test/support/defineTransformTest.ts) on its fixture folder. A transform without
// fixtures, or without a case it must leave unchanged, fails here.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTransforms, TRANSFORM_DIRS } from '../../src/transform/registry.ts';
import { defineTransformTest } from '../support/defineTransformTest.ts';

// only the built-in languages (an engine test may register extra folders in its own process)
const languages = new Set(TRANSFORM_DIRS.map((d) => path.basename(d)));
const ids = [...(await loadTransforms()).keys()].filter((id) => languages.has(id.split('/')[0]!)).sort();

describe('the registry', () => {
  it('discovers the built-in transforms of every language', () => {
    expect(ids.filter((id) => id.startsWith('lua/')).length).toBeGreaterThan(5);
    expect(ids.filter((id) => id.startsWith('ts/')).length).toBeGreaterThan(0);
  });
});

for (const id of ids) defineTransformTest(id);
