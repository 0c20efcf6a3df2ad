// Positions and repeated checks: a Data value that picks an element of a table the process
// holds (`party[to]`) is probed at each position, with the command the position is for
// (`switchTo` with `command = "switch"`), and sessions play one position per round, so every
// member of a created six-member party comes in; a checked message that made a subject of its
// own is sent again (a save accepted without a wave, checked against itself). Syntax tree
// first (fast), then both caught on the real aos (test/fixtures/verify/duel).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLuaOrThrow } from '../../src/parse/luaSource.ts';
import { verifyParity } from '../../src/verify/parity.ts';
import { buildData } from '../../src/verify/probes/dataValues.ts';
import { probeFile } from '../../src/verify/probes/probeFile.ts';
import { scanClosure } from '../../src/verify/probes/scan.ts';
import { recordLabel, sessionMessages } from '../../src/verify/probes/sessions.ts';
import { handlerReads, probePass } from '../../src/verify/probes/synthesize.ts';
import { valueVariants } from '../../src/verify/probes/variants.ts';
import { copyFixture, editFile, withProbes } from '../verify/helpers/fixtureProject.ts';

const SOURCE = readFileSync(new URL('../fixtures/verify/duel/src/duel/main.lua', import.meta.url), 'utf8');
const actors = { owner: 'OWNER', stranger: 'S'.padEnd(43, '0'), peers: [] };
const scan = scanClosure(parseLuaOrThrow(SOURCE, 'duel.lua', { lean: true }).ast);

describe('positions (syntax tree)', () => {
  const { shape } = handlerReads('Duel-Command', scan);

  it('marks a number that picks an element of a table the process holds, not an id', () => {
    expect(shape.get('switchTo')).toMatchObject({ position: true, type: 'number' });
    // (`Duels[d.duelId]` is keyed by a string: no position is probed for it)
    expect(shape.get('duelId')?.type).not.toBe('number');
  });

  it('probes each position with the command it is for', () => {
    const base = buildData(shape, actors, 0);
    const positions = valueVariants(shape, base, actors).filter((v) => v.position);
    expect(positions.map((v) => v.note)).toEqual([2, 3, 4, 5, 6].map((k) => `command="switch", switchTo=${k} (position)`));
    for (const v of positions) expect(JSON.parse(v.data)).toMatchObject({ command: 'switch' });
  });

  it("plays the r-th position of each field in round r of a session, about the session's record", () => {
    const main = { From: 'OWNER', Tags: { Action: 'Move' }, Data: '{"duelId":"A","command":"attack"}', note: 'Move: all tags, from owner' };
    const turn = (k: number) => ({ ...main, Data: `{"duelId":"A","command":"switch","switchTo":${k}}`, note: `Move: switchTo=${k} (position), from owner` });
    const out = sessionMessages(['B'], 'A', { main: [main], ending: [], turns: [[turn(2), turn(3)]] });
    expect(out.map((m) => m.note)).toEqual([
      'Move: session of B, round 1',
      'Move: session of B, round 1 (switchTo=2 (position))',
      'Move: session of B, round 2',
      'Move: session of B, round 2 (switchTo=3 (position))',
      'Move: session of B, round 3',
      'Move: session of B, round 3 (switchTo=2 (position))',
    ]);
    for (const m of out) expect(JSON.parse(m.Data).duelId).toBe('B');
    // (a record made with no list of several entries, one member, has no other position)
    const single = sessionMessages(['B'], 'A', { main: [main], ending: [], turns: [[turn(2)]], listed: new Set(['C']) });
    expect(single.map((m) => m.note)).toEqual([1, 2, 3].map((r) => `Move: session of B, round ${r}`));
    // (a round counts as answered by its main messages: a refused position leaves the record alive)
    const answered = new Set(['Move: session of B, round 1', 'Move: session of B, round 3']);
    expect(sessionMessages(['B'], 'A', { main: [main], ending: [], turns: [[turn(2)]] }, { answered }).length).toBeGreaterThan(6);
  });

  it('sends the message that made a subject again, right among the follow-ups', () => {
    const pass = probePass([{ name: 'Check-Save', kind: 'function', known: true, selectors: [{ name: 'Action', values: ['Check-Save'] }] }], scan, actors);
    const noWave = pass.find((m) => m.note === 'Check-Save: state.wave left out, from owner')!;
    expect(JSON.parse(noWave.Data).state).toEqual({ money: expect.any(Number) });
    const subject = JSON.parse(noWave.Data).playerId as string;
    const again = pass.filter((m) => m.note === `Check-Save: follow-up of subject ${recordLabel(subject)}, again`);
    expect(again).toHaveLength(1);
    expect(again[0]!.Data).toBe(noWave.Data);
    expect(pass.indexOf(again[0]!)).toBeGreaterThan(pass.indexOf(noWave));
  });
});

describe('positions and repeated checks on the real aos', () => {
  it('switch in every member of a created party, and catch a weather event dropped there', async () => {
    const project = await withProbes(copyFixture('duel'));
    const text = readFileSync(probeFile(project, 'duel'), 'utf8');
    // a session's switch to the third member, a drizzle one, set the rain
    expect(text).toMatch(/round \d \(command="switch", switchTo=\d \(position\)\)\n.*"expect":\{"error":false\}/);
    expect((await verifyParity(project, { modes: ['monolith'] })).ok).toBe(true);
    editFile(project, 'src/duel/main.lua', 'events[#events + 1] = { kind = "weather"', 'events[#events + 2] = { kind = "weather"');
    expect((await verifyParity(project, { modes: ['monolith'] })).ok).toBe(false);
  }, 120_000);

  it('send a save accepted without a wave again, and catch a wave default changed there', async () => {
    const project = await withProbes(copyFixture('duel'));
    editFile(project, 'src/duel/main.lua', 'Saves[d.playerId] = { wave = tonumber(s.wave) or 1 }', 'Saves[d.playerId] = { wave = tonumber(s.wave) or 2 }');
    const r = await verifyParity(project, { modes: ['monolith'] });
    expect(r.ok).toBe(false);
    const first = r.runs.find((x) => !x.ok)!.firstDifference!;
    expect(JSON.stringify(first)).toContain('wave went back');
    // (first seen on the message sent again, in the first pass; the second pass's wave
    // boundaries, all about one player, would see it later)
    const lines = readFileSync(probeFile(project, 'duel'), 'utf8').split('\n');
    expect(lines[first.line - 2]).toMatch(/^\/\/ pass 1: Check-Save: follow-up of subject \w+, again$/);
  }, 120_000);
});

describe('six differing records', () => {
  it("give record k each field's k-th literal, or the k-th limit of a number only ordered against limits", () => {
    const shape = new Map([
      ['party', { literals: [], type: 'table' as const }],
      ['party[]', { literals: [], type: 'table' as const }],
      ['party[].ability', { literals: ['drizzle', 'blaze'] }],
      ['party[].level', { literals: [1], bounds: [1, 100, 6], type: 'number' as const }],
      ['party[].hp', { literals: [0], bounds: [0], type: 'number' as const }],
    ]);
    const base = buildData(shape, actors, 0);
    const six = valueVariants(shape, base, actors).find((v) => v.note === 'party: 6 differing records')!;
    const party = JSON.parse(six.data).party as { ability: string; level: number; hp: number }[];
    expect(party.map((m) => m.ability)).toEqual(['drizzle', 'blaze', 'drizzle', 'blaze', 'drizzle', 'blaze']);
    // (record 0 is the first values' record; a field with one limit keeps its value)
    expect(party.map((m) => m.level)).toEqual([party[0]!.level, 100, 6, 1, 100, 6]);
    expect(new Set(party.map((m) => m.hp)).size).toBe(1);
  });
});
