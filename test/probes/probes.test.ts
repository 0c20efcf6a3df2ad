// Probe synthesis (syntax tree + synthesis: fast) and, on the real aos, a few focused checks:
// Lua errors of any type, message ids apart from boot Evals, probes-only verify (pass, planted
// change caught, nothing compared). Longer runs: `npm run probe-strength`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLuaOrThrow } from '../../src/parse/luaSource.ts';
import { AosProcess } from '../../src/verify/aosRuntime.ts';
import { toAnswer } from '../../src/verify/normalise.ts';
import { scanClosure } from '../../src/verify/probes/scan.ts';
import { probeList, PROBE_STRANGER } from '../../src/verify/probes/synthesize.ts';
import { runCli } from '../helpers/runCli.ts';
import { copyFixture, editFile } from '../verify/helpers/fixtureProject.ts';

const LUA = `
local json = require("json")
Handlers.add("Transfer", function(msg) return msg.Tags.Action == "Transfer" and msg.Tags["X-Ref"] ~= nil end, function(msg)
  local ok, body = pcall(json.decode, msg.Data)
  if body.memo == "gift" then print(msg.Tags.Recipient) end
  return tonumber(msg.Quantity) + body.count
end)
Handlers.add("Untagged", function(msg) return msg.Tags.Action == nil end, function(msg) end)
`;
const actors = { owner: 'OWNER', stranger: PROBE_STRANGER, peers: [{ name: 'other', id: 'PROCESS_OTHER' }] };

describe('probe synthesis from the syntax tree', () => {
  const scan = scanClosure(parseLuaOrThrow(LUA, 'x.lua', { lean: true }).ast);

  it('finds pattern comparisons, tag reads, tonumber tags and decoded Data fields', () => {
    const t = scan.handlers.get('Transfer')!;
    expect([...t.pattern!.require]).toEqual([
      ['Action', 'Transfer'],
      ['X-Ref', null],
    ]);
    expect([...t.reads!.tags.keys()].sort()).toEqual(['Quantity', 'Recipient']);
    expect([...t.reads!.dataFields]).toEqual([
      ['memo', ['gift']],
      ['count', []],
    ]);
    expect(scan.reads.numeric.has('Quantity')).toBe(true);
    expect([...scan.handlers.get('Untagged')!.pattern!.absent]).toEqual(['Action']);
  });

  it('makes every variant per handler, the whole list twice, deterministic values and ids', () => {
    const live = [
      { name: 'Transfer', kind: 'function', known: false, selectors: [] },
      { name: 'Untagged', kind: 'function', known: false, selectors: [] },
      { name: '_eval', kind: 'function', known: false, selectors: [] },
    ];
    const list = probeList(live, scan, actors);
    // Transfer: 3 senders, other Data values from owner and stranger, 2 selecting-only
    // variants, 1 relayed (a matcher of its own); Untagged (reads no Data): 3 + 2 + 1; aos's
    // _eval left out; twice
    expect(list).toHaveLength(28);
    expect(list[0]).toMatchObject({
      From: 'OWNER',
      Tags: { Action: 'Transfer', 'X-Ref': 'probe-x-ref', Quantity: '100', Recipient: PROBE_STRANGER },
      Data: '{"count":100,"memo":"gift"}',
      Id: 'PROBE_000001'.padEnd(43, '0'),
    });
    // fixed-width numbers: message 1 and message 10 never share an id (PROBE_1 + zeros = PROBE_10 + zeros)
    expect(new Set(list.map((m) => m.Id)).size).toBe(list.length);
    // the other values leave out a field the code tests in no way (count)
    expect(JSON.parse(list[3]!.Data)).toEqual({ memo: 'gift' });
    // relayed: From a stranger, signed by the owner
    expect(list[7]).toMatchObject({ From: PROBE_STRANGER, Owner: 'OWNER', Tags: { Action: 'Transfer' } });
    expect(list[8]!.Tags).not.toHaveProperty('Action');
    expect(list.slice(14).map((m) => m.Tags)).toEqual(list.slice(0, 14).map((m) => m.Tags));
    expect(probeList(live, scan, actors)).toEqual(list);
  });
});

describe('on the real aos', () => {
  it('records a table, nil or number raised by a handler as that message error; the process goes on', async () => {
    const { process: p } = await AosProcess.boot({ name: 'errors' });
    await p.eval(`for a, v in pairs({ T = { code = "BAD" }, K = 42, N = false }) do
      Handlers.add(a, Handlers.utils.hasMatchingTag("Action", a), function() error(v or nil) end) end`);
    for (const [action, text] of [
      ['T', 'table value'],
      ['N', 'nil value'],
      ['K', '42'],
    ] as const) {
      const a = toAnswer(await p.send({ From: 'U', Tags: { Action: action } }));
      expect(a.error).toContain(text);
    }
    expect((await p.eval('return 1 + 1')).Error).toBeUndefined();
    expect(String(console.log)).not.toContain('return null');
  });

  it('gives a message the same id and timestamp however many Evals booted the process', async () => {
    const echo = `Handlers.add("E", Handlers.utils.hasMatchingTag("Action", "E"), function(msg) print(msg.Id .. " " .. msg.Timestamp) end)`;
    const one = (await AosProcess.boot({ name: 'one' })).process;
    await one.eval(echo);
    const two = (await AosProcess.boot({ name: 'two' })).process;
    await two.eval('X = 1');
    await two.eval(echo);
    const out = async (p: AosProcess) => toAnswer(await p.send({ From: 'U', Tags: { Action: 'E' } })).output;
    expect(await out(one)).toBe(await out(two));
    expect(await out(one)).toMatch(/^MSG_2/);
  });

  it('verify on probes alone passes, reports coverage, and catches a planted change (exit 1)', async () => {
    const project = copyFixture('mini');
    const config = JSON.parse(readFileSync(path.join(project.root, 'migrate.config.json'), 'utf8'));
    for (const p of config.processes) p.traces = [];
    writeFileSync(path.join(project.root, 'migrate.config.json'), JSON.stringify(config));
    const probe = await runCli(['trace', 'probe'], project.root, { env: {} });
    expect(probe.code).toBe(0);
    expect(probe.out).toMatch(/probes beta: \d+ messages for 3 handler\(s\)/);
    const ok = await runCli(['verify', '--skip-world', '--modes', 'monolith'], project.root, { env: {} });
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/beta\s+3 \/ 3\s+100 %/);
    expect((await runCli(['verify', '--save-baseline'], project.root, { env: {} })).code).toBe(0);
    editFile(project, 'src/beta/main.lua', 'Data = "ok"', 'Data = "OK"');
    const bad = await runCli(['verify', '--skip-world', '--modes', 'monolith', '--process', 'beta'], project.root, { env: {} });
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/First difference: beta \(monolith\), traces\/probes\/beta\.jsonl:\d+ .*field messages\[0\]\.Data/);
  });

  it('verify exits 1 with a hint when there is no handler and no trace', async () => {
    const project = copyFixture('mini');
    for (const p of ['alpha', 'beta']) writeFileSync(path.join(project.root, `src/${p}/main.lua`), 'Count = 1\n');
    const config = JSON.parse(readFileSync(path.join(project.root, 'migrate.config.json'), 'utf8'));
    for (const p of config.processes) p.traces = [];
    writeFileSync(path.join(project.root, 'migrate.config.json'), JSON.stringify(config));
    mkdirSync(path.join(project.root, 'traces', 'world'), { recursive: true });
    const r = await runCli(['verify', '--skip-world'], project.root, { env: {} });
    expect(r.code).toBe(1);
    expect(r.out).toContain('nothing was compared');
    expect(r.out).toContain('hint: ');
  });
});
