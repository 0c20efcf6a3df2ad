// The default builtin list is what the aos wasm this toolkit runs provides: boot it, ask it
// (package.loaded and the modules embedded in it), and compare with the generated
// src/graph/aosBuiltins.ts. A new wasm or a changed list fails here: run `npm run gen:aos-builtins`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AOS_BUILTINS, DEFAULT_AOS_WASM } from '../../src/graph/aosBuiltins.ts';
import { probeAosBuiltins } from '../../src/verify/aosBuiltins.ts';
import { aosWasmPath } from '../../src/verify/aosRuntime.ts';
import { sha256 } from '../../src/hash.ts';
import { AosProcess, outputText } from '../../src/verify/aosRuntime.ts';

describe('aos builtins derived from the wasm', () => {
  it('the generated list matches what the shipped wasm provides', async () => {
    const probed = await probeAosBuiltins();
    const kept = AOS_BUILTINS[DEFAULT_AOS_WASM]!;
    expect(probed.wasm).toBe(DEFAULT_AOS_WASM);
    expect(aosWasmPath().endsWith(DEFAULT_AOS_WASM)).toBe(true);
    expect(probed.sha256).toBe(sha256(readFileSync(aosWasmPath())));
    expect({ sha256: probed.sha256, loaded: probed.loaded, embedded: probed.embedded }).toEqual({
      sha256: kept.sha256,
      loaded: [...kept.loaded],
      embedded: [...kept.embedded],
    });
  }, 60_000);

  it('every listed name loads with require inside aos, and names the list leaves out do not', async () => {
    const kept = AOS_BUILTINS[DEFAULT_AOS_WASM]!;
    const names = [...kept.loaded, ...kept.embedded];
    const absent = ['utils', 'handlers', 'bint', 'crypto', 'base64', 'lsqlite3', '.no-such-module'];
    const { process: proc } = await AosProcess.boot({ name: 'builtins-check' });
    const list = [...names, ...absent].map((n) => JSON.stringify(n)).join(', ');
    const r = await proc.eval(
      `local out = {}\nfor _, n in ipairs({ ${list} }) do out[#out + 1] = n .. "=" .. tostring((pcall(require, n))) end\nprint(table.concat(out, ","))`,
    );
    const got = new Map(
      outputText(r)
        .trim()
        .split(',')
        .map((kv) => kv.split('=') as [string, string]),
    );
    for (const n of names) expect(got.get(n), n).toBe('true');
    for (const n of absent) expect(got.get(n), n).toBe('false');
  }, 60_000);
});
