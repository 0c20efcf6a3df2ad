// Deeper probes (syntax tree only: fast): optional fields left out (tested for presence or
// type, or given a default), keys of a module's table (`M.kinds[k]`, `["a-b"] = ...`), Data
// passed on inside a table built for a call, and sessions: every record a starting handler's
// variants create is used by the other handlers for several rounds, then ended.
import { describe, expect, it } from 'vitest';
import { parseLuaOrThrow } from '../../src/parse/luaSource.ts';
import { buildData } from '../../src/verify/probes/dataValues.ts';
import { scanClosure } from '../../src/verify/probes/scan.ts';
import { aboutRecord, MAX_SESSIONS, MORE_ROUNDS, recordLabel, ROUNDS, sessionMessages } from '../../src/verify/probes/sessions.ts';
import { handlerReads, probePass, PROBE_STRANGER } from '../../src/verify/probes/synthesize.ts';
import { valueVariants } from '../../src/verify/probes/variants.ts';

const BUNDLE = `
local json = require("json")
local Kinds = {}
Kinds.kinds = { fire = { power = 3 }, ["deep-sea"] = { power = 5 } }
function Kinds.get(k) return Kinds.kinds[k] end
local function make(level, opts)
  opts = opts or {}
  if Kinds.get(opts.kind) == nil then return nil end
  return { level = level }
end
Games = Games or {}
Handlers.add("Game-Start", Handlers.utils.hasMatchingTag("Action", "Game-Start"), function(msg)
  local d = json.decode(msg.Data)
  local level = tonumber(d.level) or 5
  if type(d.hp) == "number" then print(d.hp) end
  local weather = d.weather or "clear"
  if d.replay == nil then print("live") end
  make(level, { kind = d.kind })
  Games[d.gameId] = { turn = 0, weather = weather }
end)
Handlers.add("Game-Move", Handlers.utils.hasMatchingTag("Action", "Game-Move"), function(msg)
  local d = json.decode(msg.Data)
  local g = Games[d.gameId]
  if g then g.turn = g.turn + 1 end
end)
local ops = {}
function ops.REGISTER(msg, d) Peers = Peers or {}; Peers[d.role] = d.processId end
ops.STATUS = function(msg, d) return d.verbose end
local function hash(v) local n = 0 for i = 1, #v do n = n + #tostring(v[i]) end return n end
Handlers.add("Game-Admin", Handlers.utils.hasMatchingTag("Action", "Game-Admin"), function(msg)
  local d = json.decode(msg.Data)
  local fn = type(d.op) == "string" and ops[d.op] or nil
  if fn then fn(msg, d) end
  print(hash(d.state))
end)
local Config = {}
Config.SCHEMA = { seats = { type = "number", min = 1, max = 8 }, theme = { type = "string", oneOf = { "dark", "light" } } }
local RULES = { MOVE = { fields = { "x", "y" }, x = { 0, 9 } }, PASS = { fields = {} } }
local function check(key, value)
  local rule = Config.SCHEMA[key]
  if rule.max and value > rule.max then return false end
  return true
end
Handlers.add("Game-Config", Handlers.utils.hasMatchingTag("Action", "Game-Config"), function(msg)
  local d = json.decode(msg.Data)
  for key, value in pairs(d.settings) do check(key, value) end
  local rule = RULES[d.kind]
  for _, f in ipairs(rule.fields) do print(d.args[f]) end
end)
Handlers.add("Game-Replay", Handlers.utils.hasMatchingTag("Action", "Game-Replay"), function(msg)
  local d = json.decode(msg.Data)
  local seed = tonumber(d.seed) or 7
  if d.mode == "easy" or d.mode == "normal" or d.mode == "hard" then print(seed) end
  for _, s in ipairs(d.steps) do
    if s.op == "stop" or s.op == "jump" or s.op == "walk" then print(s.op) end
  end
end)
Handlers.add("Validate-Move", Handlers.utils.hasMatchingTag("Action", "Validate-Move"), function(msg)
  local d = json.decode(msg.Data)
  if d.steps > 3 or d.steps < 1 then Flags = Flags or {}; Flags[d.playerId] = true end
  print(d.playerId, d.gameId)
end)
Handlers.add("Game-Top", Handlers.utils.hasMatchingTag("Action", "Game-Top"), function(msg)
  local d = json.decode(msg.Data)
  local n = math.tointeger(tonumber(d.n or 10))
  if not n or n < 1 or n > 50 then return end
end)
Handlers.add("Game-End", Handlers.utils.hasMatchingTag("Action", "Game-End"), function(msg)
  local d = json.decode(msg.Data)
  Games[d.gameId] = nil
end)
`;

const actors = { owner: 'OWNER', stranger: PROBE_STRANGER, peers: [] };
const live = ['Game-Start', 'Game-Move', 'Game-End'].map((name) => ({ name, kind: 'function', known: true, selectors: [{ name: 'Action', values: [name] }] }));

describe('optional fields, module tables and Data passed on in a table', () => {
  const scan = scanClosure(parseLuaOrThrow(BUNDLE, 'bundle.lua', { lean: true }).ast);
  const { shape } = handlerReads('Game-Start', scan);

  it('marks fields the code tests for presence, asks the type of, or gives a default', () => {
    const optional = [...shape].filter(([, f]) => f.optional).map(([p]) => p);
    expect(optional.sort()).toEqual(['hp', 'level', 'replay', 'weather']);
    expect(shape.get('gameId')?.optional).toBeUndefined();
  });

  it('leaves each optional field out, then all of them, and changes nothing else', () => {
    const base = buildData(shape, actors, 0);
    const v = valueVariants(shape, base, actors);
    // (made-up strings, `weather` and `replay`, are already left out by their own variant)
    const hp = v.find((x) => x.note === 'hp left out');
    expect(hp).toBeDefined();
    const { hp: _, weather: __, replay: ___, ...rest } = JSON.parse(base) as Record<string, unknown>;
    expect(JSON.parse(hp!.data)).toEqual(rest);
    const all = JSON.parse(v.find((x) => x.note === 'every optional field left out')!.data) as Record<string, unknown>;
    expect(Object.keys(all)).not.toEqual(expect.arrayContaining(['hp']));
    expect(all).toHaveProperty('gameId');
  });

  it('leaves every top-level optional field out but one, for each', () => {
    const three = new Map([
      ['trainer', { literals: ['hiker'], optional: true }],
      ['biome', { literals: ['meadow'], optional: true }],
      ['opponents', { literals: [], optional: true, type: 'table' as const }],
      ['gameId', { literals: [] }],
    ]);
    const v = valueVariants(three, buildData(three, actors, 0), actors);
    const butBiome = JSON.parse(v.find((x) => x.note === 'every optional field left out but biome')!.data) as Record<string, unknown>;
    expect(Object.keys(butBiome).sort()).toEqual(['biome', 'gameId']);
    expect(v.filter((x) => x.note.startsWith('every optional field left out but '))).toHaveLength(3);
  });

  it('leaves every optional field of a nested record out but one (a saved state with its money alone)', () => {
    const nested = new Map([
      ['state.money', { literals: [100], optional: true }],
      ['state.wave', { literals: [3], optional: true }],
      ['state.party[].level', { literals: [5], optional: true }],
      ['state.party', { literals: [], optional: true, type: 'table' as const }],
      ['playerId', { literals: [] }],
    ]);
    const v = valueVariants(nested, buildData(nested, actors, 0), actors);
    const notes = v.map((x) => x.note).filter((n) => n.includes('left out but'));
    expect(notes).toEqual([
      'every optional field of state left out but money',
      'every optional field of state left out but party',
      'every optional field of state left out but wave',
    ]);
    const money = JSON.parse(v.find((x) => x.note.endsWith('but money'))!.data) as { state: Record<string, unknown>; playerId: unknown };
    expect(money.state).toEqual({ money: 100 });
    expect(money.playerId).toBeDefined();
    // (fields of list elements are not walked: a record of a list is one of many)
    expect(notes.some((n) => n.includes('party[]'))).toBe(false);
  });

  it('follows a value through a conversion (`local n = math.tointeger(tonumber(d.n or 10))`)', () => {
    const { shape: top } = handlerReads('Game-Top', scanClosure(parseLuaOrThrow(BUNDLE, 'bundle.lua', { lean: true }).ast));
    expect(top.get('n')).toMatchObject({ bounds: [1, 50], optional: true });
  });

  it("takes the keys of a module's table a field indexes, through a table built for a call", () => {
    expect(shape.get('kind')?.literals).toEqual(['fire', 'deep-sea']);
  });
});

describe('dispatch tables and generic walkers', () => {
  const scan = scanClosure(parseLuaOrThrow(BUNDLE, 'bundle.lua', { lean: true }).ast);
  const { shape } = handlerReads('Game-Admin', scan);

  it('follows a call through a dispatch table into every function the table holds', () => {
    expect([...shape.keys()].sort()).toEqual(expect.arrayContaining(['op', 'processId', 'role', 'verbose']));
    expect(shape.get('op')?.literals).toEqual(['REGISTER', 'STATUS']);
  });

  it('does not follow Data into a function that serialises or hashes any value', () => {
    expect([...shape.keys()].filter((p) => p.startsWith('state') && p !== 'state')).toEqual([]);
    expect(shape.get('state')?.length).toBeUndefined();
  });

  it('sends the name/id pairs of the peers after every other variant', () => {
    const withPeers = { ...actors, peers: [{ name: 'bank', id: 'PROCESS_BANK' }] };
    const v = valueVariants(shape, buildData(shape, withPeers, 0), withPeers);
    expect(v.at(-1)!.note).toBe('role/processId: peer bank');
  });
});

describe('longer lists and pairs', () => {
  const scan = scanClosure(parseLuaOrThrow(BUNDLE, 'bundle.lua', { lean: true }).ast);

  it('sends a list of records as six copies of its first, then with each further literal of a field', () => {
    const { shape } = handlerReads('Game-Replay', scan);
    const v = valueVariants(shape, buildData(shape, actors, 0), actors);
    const six = v.find((x) => x.note === 'steps: 6 records, op="walk"');
    expect(JSON.parse(six!.data).steps).toEqual(Array.from({ length: 6 }, () => expect.objectContaining({ op: 'walk' })));
    expect(v.map((x) => x.note)).toContain('steps: 6 records');
  });

  it('leaves a top-level optional field out together with a further literal of another', () => {
    const { shape } = handlerReads('Game-Replay', scan);
    const v = valueVariants(shape, buildData(shape, actors, 0), actors);
    const pair = JSON.parse(v.find((x) => x.note === 'seed left out, mode="hard"')!.data) as Record<string, unknown>;
    expect(pair).not.toHaveProperty('seed');
    expect(pair.mode).toBe('hard');
  });
});

/** The Data shape of handler `Set` (module `app.h`'s `handle`) in a bundle of these preloads. */
function setShape(preloads: string) {
  const entry = `do
local __ao_federate_entry = function(...)
local h = require("app.h")
Handlers.add("Set", Handlers.utils.hasMatchingTag("Action", "Set"), h.handle)
end
__ao_federate_entry()
end`;
  return handlerReads('Set', scanClosure(parseLuaOrThrow(`${preloads}\n${entry}`, 'bundle.lua', { lean: true }).ast)).shape;
}

describe('values by name from data modules', () => {
  it('gives a field nothing compares the record ids of the module its name points to', () => {
    const src = `
package.preload["data.abilities.ability-database"] = function(...)
local M = {}
M.list = { { id = "blaze", power = 1 }, { id = "torrent", power = 2 } }
return M
end
package.preload["app.h"] = function(...)
local M = {}
function M.handle(msg)
  local d = require("json").decode(msg.Data)
  Party = { ability = d.pokemon.ability, heldItemId = d.pokemon.heldItemId, level = tonumber(d.pokemon.level) }
end
return M
end
`;
    const shape = setShape(src);
    expect(shape.get('pokemon.ability')?.literals).toEqual(['blaze', 'torrent']);
    // no module is named for it, or the code asks a type: left as it was
    expect(shape.get('pokemon.heldItemId')?.literals).toEqual([]);
    expect(shape.get('pokemon.level')?.literals).toEqual([]);
  });
  it('gives a qualified name (`heldItem`) the ids of records of its kind, and `<x>.kind` the keys of the module named x', () => {
    const src = `
package.preload["data.items.item-database"] = function(...)
local M = {}
M.list = { { id = "potion", kind = "medicine" }, { id = "focus-band", kind = "held" }, { id = "charm", kind = "held" }, { id = "ball" } }
return M
end
package.preload["game.weather"] = function(...)
local M = {}
local chip = { sand = { fraction = 16 }, hail = { fraction = 16 } }
function M.damage(kind) return chip[kind] end
return M
end
package.preload["app.h"] = function(...)
local M = {}
function M.handle(msg)
  local d = require("json").decode(msg.Data)
  if d.heldItem == "oran" or d.heldItem == "sitrus" or d.heldItem == "lum" then print("berry") end
  Battle = { weather = d.weather.kind }
end
return M
end
`;
    const shape = setShape(src);
    // after the first two literals compared: the records of kind "held", then the other literals
    expect(shape.get('heldItem')?.literals).toEqual(['oran', 'sitrus', 'focus-band', 'charm', 'lum']);
    expect(shape.get('weather.kind')?.literals).toEqual(['sand', 'hail']);
  });
});

describe('rule tables', () => {
  // limits live in a record the code looks up with a Data value: `Config.SCHEMA[key].max`
  const scan = scanClosure(parseLuaOrThrow(BUNDLE, 'bundle.lua', { lean: true }).ast);
  const { shape } = handlerReads('Game-Config', scan);
  const notes = () => valueVariants(shape, buildData(shape, actors, 0), actors).map((v) => v.note);

  it("sends each key of a map checked against a rule record with the record's limits and one past them", () => {
    expect(shape.get('settings')?.rules?.mapKey).toBe(true);
    expect(notes()).toEqual(expect.arrayContaining(['settings: seats=1 (rule seats)', 'settings: seats=8 (rule seats)']));
  });

  it('sends a value that picks a record with the fields the record lists, at its limits', () => {
    expect(shape.get('kind')?.rules?.records.map((r) => r.key)).toEqual(['MOVE']);
    const v = valueVariants(shape, buildData(shape, actors, 0), actors).find((x) => x.note === 'kind="MOVE", x/y=9 (rule MOVE)');
    expect(JSON.parse(v!.data)).toMatchObject({ kind: 'MOVE', args: { x: 9, y: 9 } });
    // (a map checked by its own rules is left as it was)
    expect(JSON.parse(v!.data).settings).not.toHaveProperty('x');
  });
});

describe('sessions', () => {
  const scan = scanClosure(parseLuaOrThrow(BUNDLE, 'bundle.lua', { lean: true }).ast);

  it('uses every record the starting variants created for ROUNDS rounds in the first pass', () => {
    const pass = probePass(live, scan, actors);
    const created = [...new Set(pass.filter((m) => m.note.startsWith('Game-Start: ')).map((m) => JSON.parse(m.Data || '{}').gameId as string))].filter(
      (id) => id && id !== PROBE_STRANGER,
    );
    expect(created.length).toBeGreaterThan(1);
    const first = created[0]!;
    const session = pass.filter((m) => m.note.includes(`session of ${recordLabel(first)}`));
    expect(session.map((m) => m.note)).toEqual(Array.from({ length: ROUNDS }, (_, i) => `Game-Move: session of ${recordLabel(first)}, round ${i + 1}`));
    for (const m of session) expect(JSON.parse(m.Data).gameId).toBe(first);
    // before the values that end something, after the main messages
    expect(pass.findIndex((m) => m === session[0])).toBeGreaterThan(pass.findIndex((m) => m.note === 'Game-End: all tags, from owner'));
  });

  it('in the second pass plays on a record still answering, leaves one never answered alone, and ends the others', () => {
    const move = { From: 'OWNER', Tags: { Action: 'Move' }, Data: '{"gameId":"A"}', note: 'Move: all tags, from owner' };
    const end = { ...move, Tags: { Action: 'End' }, note: 'End: all tags, from owner' };
    // first pass: B answered in every round, C in its first only, D never
    const answered = new Set([...Array.from({ length: ROUNDS }, (_, i) => `Move: session of B, round ${i + 1}`), 'Move: session of C, round 1']);
    const notes = sessionMessages(['B', 'C', 'D'], 'A', { main: [move], ending: [end] }, { answered }).map((m) => m.note);
    expect(notes).toEqual([
      ...Array.from({ length: MORE_ROUNDS }, (_, i) => `Move: session of B, round ${ROUNDS + i + 1}`),
      'End: session of B, end',
      'End: session of C, end',
    ]);
  });

  it("gives a checking handler's variants a subject each, read back by one follow-up of each handler", () => {
    const checks = [...live, { name: 'Validate-Move', kind: 'function', known: true, selectors: [{ name: 'Action', values: ['Validate-Move'] }] }];
    const pass = probePass(checks, scan, actors);
    const variants = pass.filter((m) => m.note.startsWith('Validate-Move: steps='));
    const players = variants.map((m) => JSON.parse(m.Data).playerId as string);
    expect(new Set(players).size).toBe(players.length);
    expect(players).not.toContain(PROBE_STRANGER);
    // the record id stays the first one: only the subject is new
    for (const m of variants) expect(JSON.parse(m.Data).gameId).toBe(PROBE_STRANGER);
    const follow = pass.filter((m) => m.note === `Validate-Move: follow-up of subject ${recordLabel(players[0]!)}`);
    expect(follow).toHaveLength(1);
    expect(JSON.parse(follow[0]!.Data).playerId).toBe(players[0]);
  });

  it('in the second pass also plays the records the first left out whose creation was answered', () => {
    const move = { From: 'OWNER', Tags: { Action: 'Move' }, Data: '{"gameId":"A"}', note: 'Move: all tags, from owner' };
    const ids = Array.from({ length: MAX_SESSIONS + 2 }, (_, i) => `R${String(i).padStart(3, '0')}`);
    const createdBy = new Map(ids.map((id, i) => [id, `Start: v${i}, from owner`]));
    const firstPass = new Set(sessionMessages(ids, 'A', { main: [move], ending: [] }).map((m) => m.note.replace(/^Move: session of (\w+).*$/, '$1')));
    const leftOut = ids.filter((id) => !firstPass.has(recordLabel(id)));
    expect(leftOut).toHaveLength(2);
    // the creation of the first left-out record was answered, the second's was refused
    const notes = sessionMessages(ids, 'A', { main: [move], ending: [] }, { answered: new Set([createdBy.get(leftOut[0]!)!]), createdBy }).map((m) => m.note);
    // (the richest of those records, here the only one, is played as long as a record still alive)
    expect(notes).toEqual(Array.from({ length: ROUNDS + MORE_ROUNDS }, (_, i) => `Move: session of ${recordLabel(leftOut[0]!)}, round ${i + 1}`));
  });

  it('swaps only id fields holding the first record, and leaves messages about nothing else out', () => {
    const m = { From: 'OWNER', Tags: { Action: 'X', TargetId: 'A' }, Data: '{"gameId":"A","name":"A"}', note: 'X: all tags, from owner' };
    expect(aboutRecord(m, 'A', 'B')).toMatchObject({ Tags: { TargetId: 'B' }, Data: '{"gameId":"B","name":"A"}' });
    expect(aboutRecord({ ...m, Tags: { Action: 'X' }, Data: '{"name":"A"}' }, 'A', 'B')).toBeUndefined();
    const many = Array.from({ length: MAX_SESSIONS + 3 }, (_, i) => `R${i}`);
    expect(sessionMessages(many, 'A', { main: [m], ending: [] }).length).toBe(MAX_SESSIONS * ROUNDS);
  });
});
