// The inline JSON fallbacks of the battle and pokemon entries (planted near-duplicates) work,
// and differ exactly where docs/planted-a.md says: battle escapes \n \r \t, pokemon does not.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AosProcess, outputText } from '../../src/verify/aosRuntime.ts';
import { SOURCE_ROOT } from '../example/exampleBundle.ts';

/** The entry's text from `local ok, json = pcall(...)` up to the first line after the fallback. */
function fallbackOf(processName: string): string {
  const text = readFileSync(path.join(SOURCE_ROOT, processName, 'main.lua'), 'utf8');
  const start = text.indexOf('local ok, json = pcall(require, "json")');
  const end = text.indexOf('BattleRNG = require');
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  // Force the fallback path: the chunk sees a failed require.
  return text.slice(start, end).replace('local ok, json = pcall(require, "json")', 'local ok, json = false, nil');
}

describe('inline JSON fallbacks of battle and pokemon', () => {
  it('encode with sorted keys, decode, and differ only in control-character escapes', async () => {
    const { process: proc } = await AosProcess.boot({ name: 'fallbacks' });
    for (const name of ['battle', 'pokemon']) {
      const r = await proc.eval(`Fallback_${name} = (function()\n${fallbackOf(name)}\nreturn json end)()`);
      expect(r.Error ?? '', name).toBe('');
    }
    const evalText = async (code: string) => outputText(await proc.eval(code));
    for (const name of ['battle', 'pokemon']) {
      expect(await evalText(`return Fallback_${name}.encode({ b = 1, a = { 1, 2 }, c = "q\\"x" })`)).toBe('{"a":[1,2],"b":1,"c":"q\\"x"}');
      expect(await evalText(`local t = Fallback_${name}.decode('{"a":[1,{"b":"x"}],"c":false}') return t.a[2].b .. tostring(t.c) .. #t.a`)).toBe('xfalse2');
    }
    // Battle writes the two characters backslash + n; pokemon leaves the raw control characters.
    expect(await evalText('return Fallback_battle.encode({ s = "a\\nb\\tc" })')).toBe(String.raw`{"s":"a\nb\tc"}`);
    expect(await evalText('return Fallback_pokemon.encode({ s = "a\\nb\\tc" })')).toBe(`{"s":"a${'\n'}b${'\t'}c"}`);
  });
});
