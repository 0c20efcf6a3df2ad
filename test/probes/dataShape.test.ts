// Data shapes and values for probes (syntax tree only: fast): a handler registered through a
// wrapper in another module, decoding with a helper, copying, walking arrays and passing
// elements to a validator in a third module; values built from it; pools from replies; code
// aos never runs (mutants listed apart).
import { describe, expect, it } from 'vitest';
import { parseLuaOrThrow } from '../../src/parse/luaSource.ts';
import { buildData, harvestPools } from '../../src/verify/probes/dataValues.ts';
import { scanClosure } from '../../src/verify/probes/scan.ts';
import { handlerReads, PROBE_STRANGER } from '../../src/verify/probes/synthesize.ts';
import { spawnSync } from 'node:child_process';
import { applyMutant, deadFunctions, mutationSites, reachMutant, unreachableOnAos } from './mutants.ts';

// the shape of a monolith bundle: modules in package.preload, the entry last
const BUNDLE = `
package.preload["app.codec"] = function(...)
local M = {}
function M.decodeData(msg) return require("json").decode(msg.Data) end
return M
end
package.preload["app.validator"] = function(...)
local M = {}
local function isInt(v, lo, hi) return math.type(v) == "integer" and v >= lo and v <= hi end
function M.check(rec)
  if not isInt(rec.level, 1, 100) then return false end
  for _, m in ipairs(rec.moves) do if m.id == nil then return false end end
  return type(rec.nature) == "string"
end
return M
end
package.preload["app.import"] = function(...)
local codec = require("app.codec")
local validator = require("app.validator")
local M = {}
local function merge(a, b) local o = {} for k, v in pairs(a) do o[k] = v end for k, v in pairs(b) do o[k] = v end return o end
function M.handle(msg)
  local data = codec.decodeData(msg)
  local req = merge({ mode = "x" }, data)
  if req.kind == "full" and type(req.playerId) ~= "string" then return end
  for i, rec in ipairs(req.party) do
    if not validator.check(rec) then return end
  end
  local hp = tonumber(data.stats.hp)
  print(msg.Tags.Memo)
end
return M
end
do
local __ao_federate_entry = function(...)
local importer = require("app.import")
local function add(name, fn) Handlers.add(name, Handlers.utils.hasMatchingTag("Action", name), fn) end
add("IMPORT", importer.handle)
end
__ao_federate_entry()
end
`;
const actors = { owner: 'OWNER', stranger: PROBE_STRANGER, peers: [] };

describe('Data shape of a handler', () => {
  const scan = scanClosure(parseLuaOrThrow(BUNDLE, 'bundle.lua', { lean: true }).ast);
  const { reads, shape } = handlerReads('IMPORT', scan);

  it('follows a wrapper, a decode helper, a copy, ipairs and a validator in another module', () => {
    expect([...reads.tags.keys()]).toContain('Memo');
    const facts = Object.fromEntries([...shape].map(([k, f]) => [k, f]));
    expect(facts.kind!.literals).toEqual(['full']);
    expect(facts.playerId!.type).toBe('string');
    expect(facts['party[].level']!.type).toBe('integer');
    // bounds passed as arguments (isInt(v, 1, 100)) are not literals compared with
    expect(facts['party[].level']!.literals).toEqual([]);
    expect(facts['party[].moves[].id']).toBeDefined();
    expect(facts['party[].nature']!.type).toBe('string');
    expect(facts['stats.hp']!.type).toBe('number');
  });

  it('builds nested JSON that passes the tests it saw, and other values in a second variant', () => {
    const first = JSON.parse(buildData(shape, actors, 0));
    expect(first.kind).toBe('full');
    expect(typeof first.playerId).toBe('string');
    expect(first.party).toHaveLength(1);
    expect(first.party[0].level).toBe(100);
    expect(first.party[0].moves).toEqual([{ id: expect.anything() }]);
    expect(typeof first.stats.hp).toBe('number');
    const other = JSON.parse(buildData(shape, actors, 1));
    expect(other.party[0].level).toBe(1);
    expect(other.party[0].moves[0]).toEqual({});
  });

  it('takes ids and records the process answered the same sender earlier (pass 2)', () => {
    const pools = harvestPools([
      {
        messages: [
          {
            Target: 'P1',
            Tags: [['Action', 'Export-Response']],
            Data: JSON.stringify({ party: [{ level: 7, nature: 'calm', moves: [{ id: 3 }] }], playerId: 'pl-1' }),
          },
        ],
        output: '',
        error: null,
        rawError: null,
        spawns: 0,
        warnings: [],
      },
    ]);
    const data = JSON.parse(buildData(shape, actors, 0, pools.get('P1')));
    expect(data.party).toEqual([{ level: 7, nature: 'calm', moves: [{ id: 3 }] }]);
    expect(data.playerId).toBe('pl-1');
    expect(pools.get('P2')).toBeUndefined();
  });
});

describe('code aos never runs', () => {
  const SRC = `local ok, json = pcall(require, "json")
if not ok then
  json = {}
  function json.encode(v) return tostring(v + 1) end
end
local function handle(msg)
  local ok, err = pcall(error, "x")
  if not ok then return err .. 1 end
  return 2
end
`;
  it('marks the fallback of a module aos provides, not a local pcall that reuses the name', () => {
    const ranges = unreachableOnAos(parseLuaOrThrow(SRC, 'x.lua', { lean: true }).ast as never);
    expect(ranges).toHaveLength(1);
    const sites = mutationSites('x.lua', SRC);
    expect(sites.filter((m) => m.unreachable).map((m) => m.what)).toEqual(['1 -> 2']);
    expect(sites.filter((m) => !m.unreachable).map((m) => m.what)).toEqual(expect.arrayContaining(['2 -> 3']));
  });
});

describe('reach mutants (does a probe run the site?)', () => {
  const SRC = `local function f(t, a, b)
  if a < b then return tostring({ kind = "lt", n = a + 1 }) end
  return tostring({ kind = "ge" })
end
return f
`;
  it('raise when the site runs and only then, and the source still parses', () => {
    const sites = mutationSites('x.lua', SRC).filter((m) => m.line === 2);
    expect(sites.map((m) => m.kind).sort()).toEqual(['comparison', 'constant', 'dropped-field', 'dropped-field']);
    for (const m of sites) {
      const text = applyMutant(SRC, reachMutant(m, SRC));
      expect(() => parseLuaOrThrow(text, 'x.lua', { lean: true })).not.toThrow();
      const run = (a: number, b: number) =>
        spawnSync('lua5.3', ['-e', `local f = load(${JSON.stringify(text)})() ; f({}, ${a}, ${b})`], { encoding: 'utf8' }).stderr;
      // the comparison runs on every call; the fields and the constant only when a < b
      expect(run(1, 2)).toContain('PROBE_REACHED');
      if (m.kind !== 'comparison') expect(run(2, 1)).not.toContain('PROBE_REACHED');
    }
  });
});

describe('functions nothing references (mutants there are listed apart)', () => {
  it('finds a function whose name appears nowhere else, and not one a dispatch table or another file may call', () => {
    const text = `local M = {}
function M.used(x) return x + 1 end
function M.orphan(x) return x + 2 end
local ops = {}
function ops.JOIN(x) return x + 3 end
function M.run(k, x) return ops[k](x) end
local function helper(x) return x * 2 end
local function lonely(x) return x * 3 end
Console = Console or {}
function Console.install(x) return x + 4 end
function globalTool(x) return x + 5 end
return { f = helper }
`;
    const names = deadFunctions(text, ['local m = require("m"); print(m.used(1), m.run("JOIN", 2))']).map((d) => d[2]);
    // (a global, Console.install or globalTool, may be called from the aos console: not dead)
    expect(names).toEqual(['in M.orphan, which nothing references', 'in lonely, which nothing references']);
  });
});

describe('records read field by field from a named list', () => {
  // a validator in another module walks a list of stat names the closure gives a name
  const LISTED = `
package.preload["app.enums"] = function(...)
local M = {}
M.Stats = { "hp", "attack", "speed" }
return M
end
do
local __ao_federate_entry = function(...)
local json = require("json")
local enums = require("app.enums")
Handlers.add("Check", Handlers.utils.hasMatchingTag("Action", "Check"), function(msg)
  local d = json.decode(msg.Data)
  print(d.ivs.hp)
  for _, stat in ipairs(enums.Stats) do
    local iv = d.ivs[stat] or 0
    if type(iv) ~= "number" or iv < 0 or iv > 31 then return end
    if d.stats[stat] ~= nil then print(stat) end
  end
  for _, name in ipairs(d.order) do print(d.extra[name]) end
end)
end
__ao_federate_entry()
end
`;
  const { shape } = handlerReads('Check', scanClosure(parseLuaOrThrow(LISTED, 'bundle.lua', { lean: true }).ast));

  it("gives the map each name of the list as a field, with the tests on the computed key's value", () => {
    expect(shape.get('ivs.*')).toMatchObject({ keys: ['hp', 'attack', 'speed'], bounds: [0, 31], type: 'number' });
    const data = JSON.parse(buildData(shape, { owner: 'O', stranger: PROBE_STRANGER, peers: [] }, 0));
    // (`ivs.hp`, read by name too, meets the same tests: within 0..31, not 999 for an "hp")
    expect(data.ivs).toEqual({ hp: 1, attack: 1, speed: 1 });
    expect(Object.keys(data.stats)).toEqual(['hp', 'attack', 'speed']);
    // (a list of the Data itself names no keys: one made-up field)
    expect(shape.get('extra.*')?.keys).toBeUndefined();
    expect(Object.keys(data.extra)).toEqual(['probe']);
  });

  it('gives a named field nothing of a computed key whose value is a record (a map walked whole)', () => {
    // (`for k, v in pairs(d) do copy[k] = v end`: any field of the Data, a table; `seed` stays a
    // plain value, never `{}`, whose `tostring` would print a heap address)
    const walked = new Map([
      ['*', { literals: [], type: 'table' as const }],
      ['*.*', { literals: [] }],
      ['seed', { literals: [] }],
    ]);
    const data = JSON.parse(buildData(walked, { owner: 'O', stranger: PROBE_STRANGER, peers: [] }, 0));
    expect(typeof data.seed).toBe('string');
  });
});
