// The inline JSON fallbacks of the four part-B entries are near-duplicates with REAL differences
// (planted duplication 1). Each fallback is cut out of its entry, run in aos with `json`
// missing, and asked to encode the same values: the outputs must differ as the README says.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AosProcess, outputText } from '../../src/verify/aosRuntime.ts';
import { stripAnsi } from '../../src/verify/normalise.ts';
import { entryFile } from './exampleBundle.ts';

const ENTRIES = ['coordinator', 'economy', 'security', 'admin'] as const;

/** The `if not ok then ... end` block after `pcall(require, "json")`, made to run without json. */
function fallbackChunk(name: string): string {
  const text = readFileSync(entryFile(name), 'utf8');
  const start = text.indexOf('local ok, json = pcall(require, "json")');
  const end = text.indexOf('\nend\n', start);
  if (start < 0 || end < 0) throw new Error(`${name}: no inline JSON fallback found`);
  const block = text.slice(start, end + 5).replace('pcall(require, "json")', 'false, nil');
  return `Fallback_${name} = (function()\n${block}\nreturn json\nend)()`;
}

let proc: AosProcess;
async function evalText(code: string): Promise<string> {
  const r = await proc.eval(code);
  if (r.Error) throw new Error(r.Error);
  return stripAnsi(outputText(r));
}

describe('inline JSON fallbacks of the entries', () => {
  beforeAll(async () => {
    proc = (await AosProcess.boot({ name: 'json-fallbacks', bootData: ENTRIES.map(fallbackChunk).join('\n') })).process;
  });

  it('escape control characters differently', async () => {
    const out: Record<string, string> = {};
    for (const name of ENTRIES) out[name] = await evalText(`return Fallback_${name}.encode("a\\tb\\nc\\rd")`);
    expect(out.coordinator).toBe('"a\\tb\\nc\\rd"');
    expect(out.economy).toBe('"a\tb\\nc\\rd"');
    expect(out.security).toBe('"a\tb\nc\rd"');
    expect(out.admin).toBe('"a\tb\\nc\rd"');
  });

  it('agree on plain objects with sorted keys, except admin (pairs order)', async () => {
    const value = '{zeta = 1, alpha = "x", mid = true}';
    for (const name of ['coordinator', 'economy', 'security']) {
      expect(await evalText(`return Fallback_${name}.encode(${value})`)).toBe('{"alpha":"x","mid":true,"zeta":1}');
    }
    const admin = JSON.parse(await evalText(`return Fallback_admin.encode(${value})`));
    expect(admin).toEqual({ alpha: 'x', mid: true, zeta: 1 });
  });

  it('decode in coordinator and economy, raise in security and admin', async () => {
    for (const name of ['coordinator', 'economy']) {
      expect(
        await evalText(`local t = Fallback_${name}.decode('{"a":[1,2,{"b":"x\\\\ny"}],"c":false}') return t.a[3].b .. "|" .. tostring(t.c) .. "|" .. #t.a`),
      ).toBe('x\ny|false|3');
    }
    for (const name of ['security', 'admin']) {
      expect(await evalText(`return tostring(pcall(Fallback_${name}.decode, "{}"))`)).toBe('false');
    }
  });
});
