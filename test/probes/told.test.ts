// Values a refusal names (told.ts): the numbers of an error reply become the next message's
// values, sent right after it; a value between a field's limits (variants.ts) finds a refusal
// that names a limit no literal of the code gives. End to end on the real aos: a shop whose
// stock is computed at boot gets a purchase of exactly the stock left, so a comparison
// flipped at that limit (`left < qty` to `left <= qty`) is caught.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyParity } from '../../src/verify/parity.ts';
import { probeFile } from '../../src/verify/probes/probeFile.ts';
import { toldNumbers, toldVariants, withToldValues } from '../../src/verify/probes/told.ts';
import { valueVariants } from '../../src/verify/probes/variants.ts';
import type { Answer } from '../../src/verify/types.ts';
import { copyFixture, editFile, withProbes } from '../verify/helpers/fixtureProject.ts';

const reply = (data: string, action = 'Buy-Error'): Answer => ({
  messages: [{ Target: 'X', Tags: [['Action', action]], Data: data }],
  output: '',
  warnings: [],
  error: null,
  rawError: null,
  spawns: 0,
});
const draft = (Data: string, Tags: Record<string, string> = { Action: 'Buy' }) => ({ From: 'OWNER', Tags, Data, note: 'pass 1: Buy: all tags, from owner' });

describe('numbers a refusal names', () => {
  it('reads integers, ranges and signs; not list positions, digits inside ids or decimals', () => {
    expect(toldNumbers(['pokemon[1] ivs.hp: must be 0..31'])).toEqual([0, 31]);
    expect(toldNumbers(['at most 99 per trade.', 'needs 1000, short by 400'])).toEqual([99, 1000, 400]);
    expect(toldNumbers(['rcpt-7acd PROBE_STRANGER000 1.5 x-4 -3 only 37 left'])).toEqual([-3, 37]);
    expect(toldNumbers(['1 2 3 4 5 6'])).toHaveLength(4);
    // a strict limit: the value past it too
    expect(toldNumbers(['Invalid quantity. Must be integer greater than 1000000'])).toEqual([1000000, 1000001]);
    expect(toldNumbers(['must be less than 10', 'at most 99'])).toEqual([10, 9, 99]);
  });

  it('sets the field the refusal names, else each of one or two numeric fields; ids and the value sent are left alone', () => {
    const d = draft(JSON.stringify({ party: [{ evs: { hp: 100 }, ivs: { hp: 100 }, level: 5 }], userId: 7 }));
    const named = toldVariants(d, reply(JSON.stringify({ error: true, message: 'party[1] ivs.hp: must be 0..31' }))).variants;
    // the field whose path the refusal names furthest: ivs.hp, not evs.hp
    expect(named.map((v) => JSON.parse(v.Data).party[0].ivs.hp)).toEqual([0, 31]);
    expect(named.map((v) => JSON.parse(v.Data).party[0].evs.hp)).toEqual([100, 100]);
    expect(named[0]!.note).toBe('pass 1: Buy: all tags, from owner; told party[].ivs.hp=0');
    const unnamed = toldVariants(draft(JSON.stringify({ party: [{ ivs: { hp: 100 }, level: 5 }], userId: 7 })), reply('only 5 left')).variants;
    // level holds 5 already; userId is an id
    expect(unnamed.map((v) => v.note.replace(/.*; /, ''))).toEqual(['told party[].ivs.hp=5']);
    // a numeric tag
    const tag = toldVariants(draft('', { Action: 'Buy', Quantity: '50' }), reply('only 19 potion left')).variants;
    expect(tag.map((v) => v.Tags.Quantity)).toEqual(['19']);
  });

  it('names a field by its words ("lock length" is Lock-Length); a chunk location is no number; three unnamed numbers set nothing', () => {
    const tags = { Action: 'Create-Vault', 'Lock-Length': '100', Quantity: '5', 'Epoch-Index': '3' };
    const refusal = reply('x');
    refusal.messages[0]!.Tags.push(['Error', '[string "aos"]:8663: Invalid lock length. Must be integer greater than 0']);
    expect(toldVariants(draft('', tags), refusal).variants.map((v) => v.note.replace(/.*; /, ''))).toEqual(['told Lock-Length=0', 'told Lock-Length=1']);
    expect(toldVariants(draft('', tags), reply('only 5 left')).variants).toEqual([]);
  });

  it('follows nothing but a refusal', () => {
    expect(toldVariants(draft('{"quantity":50}'), reply('{"left":19,"note":"19 left"}', 'Bought')).variants).toEqual([]);
  });

  it('sends each follow-up right after its refusal, in the state it described, once per value, handler and pass', async () => {
    // a stock of 19 that sales lower: each refusal names what is left at that moment
    let stock = 19;
    const shop = async (m: { Data: string }) => {
      const q = (JSON.parse(m.Data) as { quantity: number }).quantity;
      if (q > stock) return reply(`only ${stock} left`);
      stock -= q;
      return reply('{"ok":true}', 'Bought');
    };
    const sent = await withToldValues([draft('{"quantity":50}'), draft('{"quantity":5}'), draft('{"quantity":60}'), draft('{"quantity":19}')], shop);
    // 50: "only 19 left", 19 follows and is sold; 5 and 60 are refused with "only 0 left", 0
    // follows once (a value is told once per handler and pass)
    expect(sent.map((m) => m.Data)).toEqual(['{"quantity":50}', '{"quantity":19}', '{"quantity":5}', '{"quantity":0}', '{"quantity":60}', '{"quantity":19}']);
    expect(sent[1]!.note).toBe('pass 1: Buy: all tags, from owner; told quantity=19');
  });

  it('follows a follow-up further only where the refusal names the field', async () => {
    // "at most N" names no field: one follow-up
    const limits = async (m: { Data: string }) => reply(`at most ${(JSON.parse(m.Data) as { quantity: number }).quantity - 10}`);
    expect((await withToldValues([draft('{"quantity":50}')], limits)).map((m) => m.Data)).toEqual(['{"quantity":50}', '{"quantity":40}']);
    // a validator that names the first bad IV: each is set in turn, those the Data lacks added
    const stats = ['hp', 'attack', 'defense'];
    const validator = async (m: { Data: string }) => {
      const ivs = (JSON.parse(m.Data) as { party: { ivs: Record<string, number> }[] }).party[0]!.ivs;
      const bad = stats.find((k) => !(ivs[k]! >= 0 && ivs[k]! <= 31));
      return bad ? reply(JSON.stringify({ error: true, message: `party[1] ivs.${bad}: must be 0..31` })) : reply('{"ok":true}', 'Imported');
    };
    const sent = await withToldValues([draft('{"party":[{"ivs":{"hp":100}}]}')], validator);
    expect(sent.map((m) => m.note.replace(/^.*?owner(; )?/, ''))).toEqual([
      '',
      'told party[].ivs.hp=0',
      'told party[].ivs.hp=0; told party[].ivs.attack=0',
      'told party[].ivs.hp=0; told party[].ivs.attack=0; told party[].ivs.defense=0',
      // (accepted: the chain ends; the refusal's other value starts another)
      'told party[].ivs.hp=31',
      'told party[].ivs.hp=31; told party[].ivs.attack=0',
      'told party[].ivs.hp=31; told party[].ivs.attack=0; told party[].ivs.defense=0',
    ]);
    expect(sent[3]!.Data).toBe('{"party":[{"ivs":{"hp":0,"attack":0,"defense":0}}]}');
  });

  it('a value between the limits of a field (variants.ts)', () => {
    const shape = new Map([['quantity', { literals: [], bounds: [1, 99], type: 'integer' as const }]]);
    const notes = valueVariants(shape as never, '{"quantity":2}', { owner: 'O', stranger: 'S', peers: [] }).map((v) => v.note);
    expect(notes).toContain('quantity=50 (between 1 and 99)');
  });
});

describe('told values on the real aos', () => {
  it('buy exactly the stock left, and catch a limit flipped there', async () => {
    const project = await withProbes(copyFixture('stock'));
    const text = readFileSync(probeFile(project, 'shop'), 'utf8');
    // 50 (between the limits 1 and 99) is refused with "only 19 potion left"; 19 follows
    expect(text).toMatch(/; told quantity=\d+\n.*"expect":\{"error":false\}/);
    expect((await verifyParity(project, { modes: ['monolith'] })).ok).toBe(true);
    editFile(project, 'src/shop/main.lua', 'if left < qty then', 'if left <= qty then');
    const r = await verifyParity(project, { modes: ['monolith'] });
    expect(r.ok).toBe(false);
  }, 120_000);
});
