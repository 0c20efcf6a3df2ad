// The example's traces: committed files match their generator, there are enough of them, every
// action a process declares (PROCESS_INFO actions) is exercised, and each process gets at least
// one malformed message.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryFile, EXAMPLE_ROOT, PROCESSES } from './exampleBundle.ts';
import { readTrace } from './traceReplay.ts';

const TRACES = path.join(EXAMPLE_ROOT, 'traces');

/** name -> JSONL text, as the generator writes it (run in a child node, like the CLI would). */
function generated(): Record<string, string> {
  const script = `
    const mods = await Promise.all(['traces-core.mjs', 'traces-economy-security.mjs', 'traces-battle-pokemon.mjs', 'traces-world.mjs']
      .map((f) => import(${JSON.stringify(TRACES + '/')} + f)));
    const out = {};
    for (const m of mods) for (const [name, build] of Object.entries(m.builders)) out[name] = build().text();
    process.stdout.write(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as Record<string, string>;
}

/** The action names an entry declares in its info table (`actions = { "A", "B", ... }`). */
function declaredActions(processName: string): string[] {
  const text = readFileSync(entryFile(processName), 'utf8');
  const block = /actions = \{([^}]*)\}/.exec(text);
  if (!block) throw new Error(`${processName}/main.lua declares no actions list`);
  return [...block[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

describe('example traces', () => {
  it('are the generator output (run node examples/pokerogue-ao/traces/build-traces.mjs)', () => {
    const texts = generated();
    expect(Object.keys(texts).length).toBeGreaterThanOrEqual(PROCESSES.length + 3);
    for (const [name, text] of Object.entries(texts)) {
      expect(readFileSync(path.join(TRACES, `${name}.jsonl`), 'utf8'), name).toBe(text);
    }
  });

  it('hold at least 200 messages', () => {
    const total = PROCESSES.reduce((n, p) => n + readTrace(path.join(TRACES, `${p}.jsonl`)).length, 0);
    expect(total).toBeGreaterThanOrEqual(200);
  });

  for (const name of PROCESSES) {
    it(`${name}: every declared action is sent, and one message is malformed JSON`, () => {
      const lines = readTrace(path.join(TRACES, `${name}.jsonl`));
      const sent = new Set(lines.map((l) => (l.msg.Tags as Record<string, string>).Action));
      expect(declaredActions(name).filter((a) => !sent.has(a))).toEqual([]);
      const malformed = lines.filter((l) => {
        try {
          JSON.parse(l.msg.Data ?? '');
          return false;
        } catch {
          return (l.msg.Data ?? '') !== '';
        }
      });
      expect(malformed.length, 'malformed messages').toBeGreaterThan(0);
      expect(
        malformed.some((l) => l.expectError),
        'a malformed message answered with an error',
      ).toBe(true);
    });
  }
});
