// Game rules in miniature (type chart, stats, damage, turn order, status, capture, evolution,
// experience, party, items) checked inside the real aos runtime.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AosProcess, outputText } from '../../src/verify/aosRuntime.ts';
import { bundlePreloads } from '../example/exampleBundle.ts';

const MODULES = [
  'game-logic.battle.damage-calculator',
  'game-logic.battle.turn-order',
  'game-logic.battle.move-effects',
  'game-logic.progression.experience',
  'game-logic.pokemon.capture',
  'game-logic.pokemon.party-manager',
  'game-logic.items.inventory',
  'game-logic.items.shop-pricing',
  'game-logic.environment.biome-encounters',
];

describe('part-A game rules on aos', () => {
  it('pass every rule check', async () => {
    const preloads = MODULES.map((m) => bundlePreloads(m)).join('\n');
    const { process: proc, result } = await AosProcess.boot({ name: 'rules', bootData: preloads });
    expect(result.Error ?? '').toBe('');
    const script = readFileSync(path.join(import.meta.dirname, 'rules-check.lua'), 'utf8');
    const r = await proc.eval(script);
    expect(r.Error ?? '').toBe('');
    expect(outputText(r)).toBe('OK');
  });
});
