// More probe values (syntax tree only: fast): Data handed to a handler by a decoding wrapper
// (`pcall(fn, msg, data)`) or decoded by a helper given `msg`; dispatch-table keys and
// `x and y` paths; then the variants: boundary values of ordered comparisons (with literals
// and named constants), further
// literals, peer registrations (name/id pairs, maps of processes), made-up strings left out.
import { describe, expect, it } from 'vitest';
import { parseLuaOrThrow } from '../../src/parse/luaSource.ts';
import { buildData } from '../../src/verify/probes/dataValues.ts';
import { scanClosure } from '../../src/verify/probes/scan.ts';
import { handlerReads, probePass, PROBE_STRANGER } from '../../src/verify/probes/synthesize.ts';
import { MAX_VARIANTS, valueVariants } from '../../src/verify/probes/variants.ts';

const BUNDLE = `
local json = require("json")
local function wrap(fn)
  return function(msg)
    local data = json.decode(msg.Data)
    local ok, err = pcall(fn, msg, data)
  end
end
local function owned(msg)
  local d = json.decode(msg.Data)
  return d.uid
end
local ops = {}
function ops.JOIN(msg, d) end
function ops.LEAVE(msg, d) end
ops.KICK = function(msg, d) end
local H = {}
local LIMITS = { maxStack = Config and Config.MAX_STACK or 64 }
function H.buy(msg, data)
  if data.quantity < 1 or data.quantity > 99 then return end
  if data.stack > LIMITS.maxStack then return end
  if data.mode == "a" or data.mode == "b" or data.mode == "cancel" or data.mode == "c" then return end
  if data.itemId == "" then return end
  for _, e in ipairs(type(data.lines) == "table" and data.lines or {}) do print(e.sku) end
end
function H.register(msg, data)
  Peers[data.name] = data.id
  for name, id in pairs(data.processes or {}) do Peers[name] = id end
end
function H.op(msg, data)
  local fn = ops[data.op]
  if fn then fn(msg, data) end
end
function H.stats(msg) return owned(msg) end
local Trees = { byId = {} }
Trees.list = { { id = "oak", height = 3 }, { id = "elm", height = 5 } }
for _, t in ipairs(Trees.list) do Trees.byId[t.id] = t end
function H.plant(msg, data) return Trees.byId[data.treeId] end
Handlers.add("Buy", Handlers.utils.hasMatchingTag("Action", "Buy"), wrap(H.buy))
Handlers.add("Register", Handlers.utils.hasMatchingTag("Action", "Register"), wrap(H.register))
Handlers.add("Op", Handlers.utils.hasMatchingTag("Action", "Op"), wrap(H.op))
Handlers.add("Stats", Handlers.utils.hasMatchingTag("Action", "Stats"), H.stats)
Handlers.add("Plant", Handlers.utils.hasMatchingTag("Action", "Plant"), wrap(H.plant))
Handlers.add("Burn", Handlers.utils.hasMatchingTag("Action", "Burn"), function(msg)
  assert(tonumber(msg.Tags.Quantity) > 0, "Invalid quantity")
end)
`;
const actors = {
  owner: 'OWNER',
  stranger: PROBE_STRANGER,
  peers: [
    { name: 'bank', id: 'PROCESS_BANK' },
    { name: 'shop', id: 'PROCESS_SHOP' },
  ],
};

describe('Data reached through wrappers and helpers', () => {
  const scan = scanClosure(parseLuaOrThrow(BUNDLE, 'bundle.lua', { lean: true }).ast);

  it('binds the parameter a decoding wrapper passes the decoded Data in', () => {
    expect(scan.decodedArgs).toEqual(new Set([1]));
    const { shape } = handlerReads('Buy', scan);
    expect(shape.get('quantity')).toMatchObject({ bounds: [1, 99] });
    // `type(x) == "table" and x or {}` walks data.lines
    expect([...shape.keys()]).toContain('lines[].sku');
  });

  it('follows msg into a helper that decodes it, and takes a dispatch table keys as values', () => {
    expect([...handlerReads('Stats', scan).shape.keys()]).toEqual(['uid']);
    expect(handlerReads('Op', scan).shape.get('op')?.literals).toEqual(['JOIN', 'LEAVE', 'KICK']);
    // a lookup table filled at run time: the ids of the module's records
    expect(handlerReads('Plant', scan).shape.get('treeId')?.literals).toEqual(['oak', 'elm']);
  });

  it('puts the empty string compared with last: a real value first', () => {
    const { shape } = handlerReads('Buy', scan);
    expect(JSON.parse(buildData(shape, actors, 0)).itemId).not.toBe('');
    expect(JSON.parse(buildData(shape, actors, 1)).itemId).toBe('');
  });
});

describe('value variants', () => {
  const scan = scanClosure(parseLuaOrThrow(BUNDLE, 'bundle.lua', { lean: true }).ast);
  const variants = (name: string) => {
    const { shape } = handlerReads(name, scan);
    return valueVariants(shape, buildData(shape, actors, 0), actors);
  };

  it('takes the numbers a compared name is given anywhere as boundaries (named constants)', () => {
    expect(handlerReads('Buy', scan).shape.get('stack')).toMatchObject({ bounds: [64], type: 'number' });
    expect(variants('Buy').map((v) => v.note)).toEqual(
      expect.arrayContaining(['stack=63 (boundary of 64)', 'stack=64 (boundary of 64)', 'stack=65 (boundary of 64)']),
    );
  });

  it('probes each side of an ordered comparison with a number', () => {
    const q = variants('Buy')
      .filter((v) => /^quantity=-?\d+ \(boundary/.test(v.note))
      .map((v) => JSON.parse(v.data).quantity);
    expect(q).toEqual([0, 1, 2, 98, 99, 100].filter((x) => x !== JSON.parse(buildData(handlerReads('Buy', scan).shape, actors, 0)).quantity));
  });

  it('sends a literal after the first with a boundary of another field', () => {
    const v = variants('Buy').find((x) => /^mode="b", quantity=/.test(x.note));
    expect(v).toBeDefined();
    const d = JSON.parse(v!.data) as { mode: string; quantity: number };
    expect(d.mode).toBe('b');
    expect([1, 2, 99, 100]).toContain(d.quantity);
  });

  it('registers every peer: name/id pairs one by one, and a map of processes', () => {
    const v = variants('Register');
    expect(v.map((x) => x.note)).toEqual(expect.arrayContaining(['processes: every peer process', 'name/id: peer bank', 'name/id: peer shop']));
    expect(JSON.parse(v.find((x) => x.note === 'name/id: peer shop')!.data)).toMatchObject({ name: 'shop', id: 'PROCESS_SHOP' });
    expect(JSON.parse(v.find((x) => x.note === 'processes: every peer process')!.data).processes).toEqual({ bank: 'PROCESS_BANK', shop: 'PROCESS_SHOP' });
  });

  it('sends the literals beyond the first two, is bounded and deterministic, and goes into the probe list', () => {
    expect(variants('Op').map((v) => JSON.parse(v.data).op)).toContain('KICK');
    for (const n of ['Buy', 'Register', 'Op']) expect(variants(n).length).toBeLessThanOrEqual(MAX_VARIANTS);
    expect(variants('Buy')).toEqual(variants('Buy'));
    const live = [{ name: 'Buy', kind: 'function', known: true, selectors: [{ name: 'Action', values: ['Buy'] }] }];
    const notes = probePass(live, scan, actors).map((m) => m.note);
    expect(notes).toContain('Buy: quantity=98 (boundary of 99), from owner');
  });

  it('sends a value that ends something after every other message of the pass', () => {
    const live = [
      { name: 'Buy', kind: 'function', known: true, selectors: [{ name: 'Action', values: ['Buy'] }] },
      { name: 'Op', kind: 'function', known: true, selectors: [{ name: 'Action', values: ['Op'] }] },
    ];
    const notes = probePass(live, scan, actors).map((m) => m.note);
    expect(notes.at(-1)).toBe('Buy: mode="cancel", from owner');
    expect(notes.indexOf('Buy: mode="c", from owner')).toBeLessThan(notes.indexOf('Op: all tags, from owner'));
  });

  it('probes a tag ordered against a number on each side of it', () => {
    const live = [{ name: 'Burn', kind: 'function', known: true, selectors: [{ name: 'Action', values: ['Burn'] }] }];
    const q = probePass(live, scan, actors)
      .filter((m) => m.note.includes('boundary'))
      .map((m) => m.Tags.Quantity);
    expect(q).toEqual(['-1', '0', '1']);
  });

  it('leaves made-up strings out in one variant', () => {
    const v = variants('Buy').find((x) => x.note === 'made-up strings left out');
    expect(v).toBeDefined();
    expect(v!.data).not.toMatch(/"probe-/);
  });
});
