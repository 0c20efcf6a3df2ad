// The battle and pokemon processes, bundled as monoliths, answer every action on the real aos
// runtime: no Lua error, no INTERNAL_ERROR, the documented error codes, deterministic replies,
// and a battle's GAIN_EXPERIENCE message accepted by the pokemon process.
import { describe, expect, it } from 'vitest';
import { AosProcess, type AoOutMessage } from '../../src/verify/aosRuntime.ts';
import { bundleMonolith } from '../example/exampleBundle.ts';

const OWNER = 'OWNER_WALLET_0000000000000000000000000000000001';
const PLAYER = 'PLAYER_WALLET_00000000000000000000000000000001';
const COORD = 'COORDINATOR_PROCESS_000000000000000000000001';
const BATTLE_ID = 'PROCESS_BATTLE00000000000000000000000000000';
const POKEMON_ID = 'PROCESS_POKEMON0000000000000000000000000000';

interface Reply {
  tags: Record<string, string>;
  data: unknown;
  target?: string;
}
/** expectCode: the error code the step must produce ('ANY': at most one code; absent: none). */
type Step = [from: string, action: string, data: unknown, expectCode?: string];

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  return v;
}

function toReply(m: AoOutMessage): Reply {
  const tags = Object.fromEntries(m.Tags.map((t) => [t.name, t.value]));
  let data: unknown = m.Data;
  try {
    data = sortKeys(JSON.parse(String(m.Data)));
  } catch {
    /* plain text */
  }
  return { tags, data, target: m.Target };
}

async function run(proc: AosProcess, steps: Step[], tags: Record<string, string> = {}): Promise<Reply[][]> {
  const out: Reply[][] = [];
  for (const [from, action, data, expectCode] of steps) {
    const r = await proc.send({ From: from, Tags: { Action: action, ...tags }, Data: typeof data === 'string' ? data : JSON.stringify(data) });
    const label = `${action} ${JSON.stringify(data).slice(0, 80)}`;
    expect(r.Error ?? '', label).toBe('');
    const replies = r.Messages.map(toReply);
    expect(replies.length, label).toBeGreaterThan(0);
    const codes = replies.map((x) => (x.data as { code?: string })?.code).filter(Boolean);
    expect(codes, label).not.toContain('INTERNAL_ERROR');
    if (expectCode === 'ANY') expect(codes.length, label).toBeLessThanOrEqual(1);
    else if (expectCode) expect(codes, label).toContain(expectCode);
    else expect(codes, label).toEqual([]);
    out.push(replies);
  }
  return out;
}

const party = (ids: Array<[number, number]>, extra: Record<string, unknown> = {}) => ids.map(([speciesId, level]) => ({ speciesId, level, ...extra }));

const battleSetup: Step[] = [
  [PLAYER, 'Info', ''],
  [PLAYER, 'HEALTH_CHECK', ''],
  [OWNER, 'BATTLE_COORDINATION', { op: 'REGISTER_PEER', role: 'coordinator', processId: COORD }],
  [OWNER, 'BATTLE_COORDINATION', { op: 'REGISTER_PEER', role: 'pokemon', processId: POKEMON_ID }],
  [PLAYER, 'BATTLE_COORDINATION', { op: 'REGISTER_PEER', role: 'pokemon', processId: 'X' }, 'UNAUTHORIZED'],
  [COORD, 'BATTLE_COORDINATION', { op: 'PREPARE', sessionId: 's1', playerId: PLAYER }],
  [COORD, 'BATTLE_COORDINATION', { op: 'NOPE' }, 'UNKNOWN_OPERATION'],
  [PLAYER, 'BATTLE_START', '{not json', 'INVALID_JSON'],
  [PLAYER, 'BATTLE_START', { battleId: 'x' }, 'MISSING_PARTY'],
  [PLAYER, 'BATTLE_START', { battleId: 'x', playerParty: party([[9999, 5]]), opponentParty: party([[1, 5]]) }, 'UNKNOWN_SPECIES'],
  [
    PLAYER,
    'BATTLE_START',
    {
      battleId: 'b1',
      seed: 'seed-1',
      playerParty: party([
        [120, 80],
        [3, 75],
      ]),
      opponentParty: party([
        [50, 20],
        [77, 18],
      ]),
      inventory: { potion: 2 },
    },
  ],
  [PLAYER, 'BATTLE_START', { battleId: 'b1', playerParty: party([[1, 5]]), opponentParty: party([[1, 5]]) }, 'BATTLE_EXISTS'],
  [
    PLAYER,
    'BATTLE_START',
    {
      battleId: 'w1',
      seed: 'wild',
      wild: true,
      weather: 'rain',
      playerParty: party([[120, 40]]),
      opponentParty: party([[200, 8]]),
      inventory: { 'ultra-ball': 5 },
    },
  ],
  [PLAYER, 'BATTLE_START', { battleId: 'bio', seed: 'biome-1', biome: 'verdant-meadow', wave: 3, playerParty: party([[3, 30]]) }],
  [PLAYER, 'BATTLE_START', { battleId: 'bio2', biome: 'no-such-biome', playerParty: party([[3, 30]]) }, 'UNKNOWN_BIOME'],
  [PLAYER, 'BATTLE_START', { battleId: 't1', seed: 'trainer-1', trainer: 'hiker', wave: 12, biome: 'ashen-crater', playerParty: party([[3, 30]]) }],
  [PLAYER, 'BATTLE_START', { battleId: 't2', trainer: 'nobody', playerParty: party([[3, 30]]) }, 'UNKNOWN_TRAINER'],
  [PLAYER, 'BATTLE_COMMAND', { battleId: 'b1', command: 'move', moveIndex: 9 }, 'INVALID_MOVE_INDEX'],
  [PLAYER, 'BATTLE_COMMAND', { battleId: 'b1', command: 'flee' }, 'CANNOT_FLEE'],
  [PLAYER, 'BATTLE_COMMAND', { battleId: 'b1', command: 'dance' }, 'INVALID_COMMAND'],
  [PLAYER, 'BATTLE_COMMAND', { battleId: 'b1', command: 'item', itemId: 'potion' }],
  [PLAYER, 'BATTLE_COMMAND', { battleId: 'b1', command: 'switch', switchTo: 2 }],
  [PLAYER, 'BATTLE_COMMAND', { battleId: 'b1', command: 'switch', switchTo: 1 }],
  ['INTRUDER', 'BATTLE_COMMAND', { battleId: 'b1', command: 'move', moveIndex: 1 }, 'UNAUTHORIZED'],
  [PLAYER, 'BATTLE_COMMAND', { battleId: 'nope', command: 'move', moveIndex: 1 }, 'BATTLE_NOT_FOUND'],
  [PLAYER, 'BATTLE_COMMAND', { battleId: 'w1', command: 'item', itemId: 'ultra-ball' }],
  [PLAYER, 'BATTLE_PREVIEW', { battleId: 'nope' }, 'BATTLE_NOT_FOUND'],
];

const battleFinish: Step[] = [
  [PLAYER, 'BATTLE_STATE_QUERY', { battleId: 'b1', logEntries: 5 }],
  [PLAYER, 'BATTLE_STATE_QUERY', {}],
  [PLAYER, 'BATTLE_HISTORY', { battleId: 'b1', fromTurn: 1, toTurn: 3 }],
  [PLAYER, 'BATTLE_HISTORY', { battleId: 'b1', fromTurn: 3, toTurn: 1 }, 'INVALID_RANGE'],
  [PLAYER, 'BATTLE_REPLAY', { battleId: 'b1' }],
  [
    PLAYER,
    'BATTLE_REPLAY',
    {
      start: { seed: 'r', playerParty: party([[10, 30]]), opponentParty: party([[11, 30]]) },
      commands: [
        { command: 'move', moveIndex: 1 },
        { command: 'move', moveIndex: 1 },
      ],
    },
  ],
  [PLAYER, 'BATTLE_REPLAY', { start: { playerParty: party([[10, 30]]), opponentParty: party([[11, 30]]) }, commands: [{ command: 'flee' }] }, 'CANNOT_FLEE'],
  [PLAYER, 'BATTLE_END', { battleId: 'b1' }],
  [PLAYER, 'BATTLE_END', { battleId: 'b1' }, 'ALREADY_ENDED'],
  [PLAYER, 'BATTLE_REPLAY', { battleId: 'b1' }],
  [PLAYER, 'BATTLE_END', { battleId: 'bio' }],
  [PLAYER, 'BATTLE_END', { battleId: 't1' }],
  [PLAYER, 'BATTLE_REPLAY', { battleId: 't1' }],
  [PLAYER, 'BATTLE_REPLAY', { battleId: 'bio' }],
  [COORD, 'BATTLE_COORDINATION', { op: 'STATUS' }],
];

/** Plays b1 to the end: each turn previews the moves and uses the one with the highest max damage. */
async function playOut(proc: AosProcess): Promise<Reply[][]> {
  const out: Reply[][] = [];
  for (let turn = 0; turn < 40; turn++) {
    const [preview] = await run(proc, [[PLAYER, 'BATTLE_PREVIEW', { battleId: 'b1' }, 'ANY']]);
    const data = preview[0].data as { code?: string; data?: { moves: Array<{ maxDamage?: number; pp: number }> } };
    if (data.code === 'BATTLE_NOT_ACTIVE') break;
    const moves = data.data!.moves;
    const best = moves.reduce((b, m, i) => ((m.maxDamage ?? 0) > (moves[b].maxDamage ?? 0) && m.pp > 0 ? i : b), 0);
    out.push(...(await run(proc, [[PLAYER, 'BATTLE_COMMAND', { battleId: 'b1', command: 'move', moveIndex: best + 1 }]])));
  }
  return out;
}

describe('battle process on aos', () => {
  it('answers every action, plays a battle out and replays it deterministically', async () => {
    const runs: Reply[][][] = [];
    for (let i = 0; i < 2; i++) {
      const { process: proc, result } = await AosProcess.boot({ name: 'battle', processId: BATTLE_ID, bootData: bundleMonolith('battle') });
      expect(result.Error ?? '').toBe('');
      const setup = await run(proc, battleSetup);
      const played = await playOut(proc);
      expect(played.length).toBeGreaterThan(0);
      runs.push([...setup, ...played, ...(await run(proc, battleFinish))]);
    }
    expect(runs[1]).toEqual(runs[0]);
    const finish = runs[0].slice(runs[0].length - battleFinish.length);
    battleFinish.forEach((step, i) => {
      if (step[1] === 'BATTLE_REPLAY' && !step[3])
        expect((finish[i][0].data as { data: { matches: boolean } }).data.matches, JSON.stringify(step[2])).toBe(true);
    });
    const history = (finish[battleFinish.findIndex((s) => s[1] === 'BATTLE_HISTORY')][0].data as { data: { timeline: unknown[]; events: unknown[] } }).data;
    expect(history.timeline.length).toBe(3);
    expect(history.events.length).toBeGreaterThan(0);
    const end = finish[battleFinish.findIndex((s) => s[1] === 'BATTLE_END')];
    const targets = end.map((m) => m.target).sort();
    expect(targets).toContain(COORD);
    expect(targets).toContain(POKEMON_ID);
    const exp = end.find((m) => m.target === POKEMON_ID)!;
    expect(exp.tags.Action).toBe('GAIN_EXPERIENCE');
    expect((exp.data as { rewards: Array<{ amount: number }> }).rewards[0].amount).toBeGreaterThan(0);
    const result = end.find((m) => m.target === COORD)!;
    expect((result.data as { winner: string }).winner).toBe('player');
    expect(result.tags['Correlation-Id']).toMatch(/^battle-end-/);
  });
});

describe('battle process internals (TEST_MODE)', () => {
  it('exports BattleProcess and makes a battler without PP Struggle', async () => {
    const { process: proc } = await AosProcess.boot({ name: 'battle', processId: BATTLE_ID, bootData: `TEST_MODE = true\n${bundleMonolith('battle')}` });
    await run(proc, [[PLAYER, 'BATTLE_START', { battleId: 's1', seed: 's', playerParty: party([[3, 50]]), opponentParty: party([[10, 50]]) }]]);
    const drained = await proc.eval('for _, m in ipairs(BattleProcess.stateManager.get("s1").sides.player.party[1].moves) do m.pp = 0 end');
    expect(drained.Error ?? '').toBe('');
    const [turn] = await run(proc, [[PLAYER, 'BATTLE_COMMAND', { battleId: 's1', command: 'move', moveIndex: 1 }]]);
    const events = (turn[0].data as { data: { events: Array<Record<string, unknown>> } }).data.events;
    expect(events.some((e) => e.kind === 'move' && e.name === 'Struggle')).toBe(true);
    expect(events.some((e) => e.kind === 'recoil' && e.struggle === true)).toBe(true);
  });
});

describe('pokemon process on aos', () => {
  it('answers every action, including experience sent by the battle process', async () => {
    const { process: proc } = await AosProcess.boot({ name: 'pokemon', processId: POKEMON_ID, bootData: bundleMonolith('pokemon') });
    const creates: Step[] = [
      [1, 15],
      [3, 30],
      [10, 5],
      [50, 20],
      [77, 12],
      [120, 40],
      [200, 8],
    ].map(([speciesId, level]): Step => [PLAYER, 'CREATE_POKEMON', { speciesId, level }]);
    const steps: Step[] = [
      [PLAYER, 'Info', ''],
      [PLAYER, 'HEALTH_CHECK', ''],
      [OWNER, 'POKEMON_COORDINATION', { op: 'REGISTER_PEER', role: 'battle', processId: BATTLE_ID }],
      [PLAYER, 'POKEMON_COORDINATION', { op: 'STATUS' }, 'UNAUTHORIZED'],
      ...creates,
      [PLAYER, 'CREATE_POKEMON', { level: 5 }, 'INVALID_SPECIES'],
      [PLAYER, 'CREATE_POKEMON', { speciesId: 1, level: 500 }, 'INVALID_LEVEL'],
      [PLAYER, 'CREATE_POKEMON', 'not json', 'INVALID_JSON'],
      [PLAYER, 'GET_POKEMON', { uid: 'pkm-000001' }],
      [PLAYER, 'GET_POKEMON', { uid: 'nope' }, 'POKEMON_NOT_FOUND'],
      [PLAYER, 'GET_PARTY', {}],
      [PLAYER, 'PARTY_SWAP', { from: 1, to: 3 }],
      [PLAYER, 'PARTY_SWAP', { from: 1, to: 9 }, 'INVALID_SLOT'],
      [PLAYER, 'PARTY_RELEASE', { slot: 6 }],
      [PLAYER, 'BOX_WITHDRAW', { boxIndex: 1 }],
      [PLAYER, 'BOX_WITHDRAW', { boxIndex: 1 }, 'INVALID_BOX_INDEX'],
      [PLAYER, 'BOX_DEPOSIT', { slot: 6 }],
      [PLAYER, 'GAIN_EXPERIENCE', { uid: 'pkm-000001', amount: 5000 }, 'UNAUTHORIZED'],
      [BATTLE_ID, 'GAIN_EXPERIENCE', { playerId: PLAYER, battleId: 'b1', rewards: [{ slot: 3, amount: 9000 }] }],
      [OWNER, 'GAIN_EXPERIENCE', { uid: 'pkm-000001', amount: 9000 }],
      [PLAYER, 'EVOLVE', { uid: 'pkm-000001' }],
      [PLAYER, 'EVOLVE', { uid: 'pkm-000001' }, 'LEVEL_TOO_LOW'],
      ['SOMEONE', 'EVOLVE', { uid: 'pkm-000002' }, 'NOT_OWNER'],
      [PLAYER, 'USE_ITEM', { playerId: PLAYER, uid: 'pkm-000001', itemId: 'rare-candy' }, 'UNAUTHORIZED'],
      [OWNER, 'USE_ITEM', { playerId: PLAYER, uid: 'pkm-000001', itemId: 'rare-candy' }],
      [OWNER, 'USE_ITEM', { playerId: PLAYER, uid: 'pkm-000001', itemId: 'attack-vitamin' }],
      [OWNER, 'USE_ITEM', { playerId: PLAYER, uid: 'pkm-000001', itemId: 'potion' }, 'NO_EFFECT'],
      [OWNER, 'USE_ITEM', { playerId: PLAYER, uid: 'pkm-000001', itemId: 'oran-berry' }, 'HOLD_BERRIES'],
      [OWNER, 'SET_HELD_ITEM', { playerId: PLAYER, uid: 'pkm-000001', itemId: 'oran-berry' }],
      [OWNER, 'SET_HELD_ITEM', { playerId: PLAYER, uid: 'pkm-000001', itemId: 'potion' }, 'NOT_HOLDABLE'],
      [PLAYER, 'CAPTURE_ATTEMPT', { speciesId: 33, level: 10, ball: 'master-ball', hpPercent: 20, status: 'sleep', seed: 'c1' }],
      [PLAYER, 'CAPTURE_ATTEMPT', { biome: 'verdant-meadow', wave: 2, ball: 'master-ball', seed: 'c2' }],
      [PLAYER, 'CAPTURE_ATTEMPT', { biome: 'verdant-meadow', wave: 10, ball: 'master-ball' }, 'BOSS_NOT_CATCHABLE'],
      [PLAYER, 'CAPTURE_ATTEMPT', { biome: 'nowhere' }, 'UNKNOWN_BIOME'],
      [PLAYER, 'CAPTURE_ATTEMPT', { speciesId: 33, ball: 'potion' }, 'INVALID_BALL'],
      [PLAYER, 'CAPTURE_ATTEMPT', {}, 'UNKNOWN_SPECIES'],
      [PLAYER, 'LEARN_MOVE', { uid: 'pkm-000001', moveId: 1 }, 'NOT_IN_LEARNSET'],
      [PLAYER, 'LEARN_MOVE', { uid: 'pkm-000001', moveId: 'x' }, 'INVALID_MOVE'],
      [PLAYER, 'GET_POKEDEX', {}],
      [PLAYER, 'GET_STATS', { uid: 'pkm-000002' }],
      [PLAYER, 'GET_LEARNABLE', { uid: 'pkm-000002' }],
      [PLAYER, 'GET_STATS', { uid: 'pkm-000002', extra: 1 }],
      [PLAYER, 'HEAL_PARTY', {}],
      [PLAYER, 'HEAL_PARTY', {}, 'HEAL_COOLDOWN'],
      [PLAYER, 'RENAME', { uid: 'pkm-000002', nickname: 'Sparky' }],
      [PLAYER, 'RENAME', { uid: 'pkm-000002', nickname: '<script>' }, 'INVALID_NICKNAME'],
      [PLAYER, 'EXPORT_PARTY', {}],
      [PLAYER, 'EXPORT_PARTY', { playerId: 'SOMEONE' }, 'UNAUTHORIZED'],
      [PLAYER, 'IMPORT_POKEMON', { playerId: 'P2', pokemon: [] }, 'UNAUTHORIZED'],
      [OWNER, 'IMPORT_POKEMON', { playerId: 'P2', pokemon: [] }, 'EMPTY_IMPORT'],
    ];
    const replies = await run(proc, steps);
    const dataOf = (action: string, nth = 0) => {
      const i = steps.map((st, k) => [st, k] as const).filter(([st]) => st[1] === action && !st[3])[nth][1];
      return (replies[i][0].data as { data: Record<string, unknown> }).data;
    };
    expect(dataOf('EVOLVE')).toMatchObject({ from: 1, to: 2 });
    expect(dataOf('CAPTURE_ATTEMPT').caught).toBe(true);
    expect(dataOf('CAPTURE_ATTEMPT', 1).caught).toBe(true);
    expect((dataOf('USE_ITEM').result as { toLevel: number; fromLevel: number }).toLevel).toBe(
      (dataOf('USE_ITEM').result as { fromLevel: number }).fromLevel + 1,
    );
    const dex = dataOf('GET_POKEDEX') as { caught: number; total: number };
    expect(dex.caught).toBeGreaterThanOrEqual(8);
    expect(dex.total).toBe(360);
    // The breakdown's parts add up to each stat.
    for (const row of dataOf('GET_STATS').stats as Array<Record<string, number>>) {
      expect(row.fromBase + row.fromIv + row.fromEv + row.fromNature, String(row.stat)).toBe(row.value);
    }

    // A battle's reward message is acknowledged back to the battle process with its correlation id.
    const [acked] = await run(proc, [[BATTLE_ID, 'GAIN_EXPERIENCE', { playerId: PLAYER, battleId: 'b2', rewards: [{ slot: 1, amount: 10 }] }]], {
      'Correlation-Id': 'battle-end-42',
    });
    const ack = acked.find((m) => m.tags.Action === 'BATTLE_COORDINATION')!;
    expect(ack.target).toBe(BATTLE_ID);
    expect(ack.tags).toMatchObject({ Operation: 'ACK', 'Correlation-Id': 'battle-end-42' });

    // A party exported in save format imports back for another player and validates; a tampered copy does not.
    const saved = dataOf('EXPORT_PARTY').pokemon as Array<Record<string, unknown>>;
    expect(saved.length).toBeGreaterThan(0);
    const tampered = { ...saved[0], ivs: { ...(saved[0].ivs as object), attack: 40 } };
    const more = await run(proc, [
      [OWNER, 'IMPORT_POKEMON', { playerId: 'P2', pokemon: saved }],
      [OWNER, 'IMPORT_POKEMON', { playerId: 'P2', pokemon: [tampered] }, 'INVALID_POKEMON'],
      [PLAYER, 'VALIDATE_POKEMON', { pokemon: saved[0] }],
      [PLAYER, 'VALIDATE_POKEMON', { pokemon: tampered }],
      ['P2', 'EXPORT_PARTY', {}],
    ]);
    const body = (k: number) => (more[k][0].data as { data: Record<string, unknown> }).data;
    expect((body(0).imported as unknown[]).length).toBe(saved.length);
    expect(body(2)).toMatchObject({ valid: true, problems: [] });
    expect(body(3)).toMatchObject({ valid: false, problems: ['ivs.attack: must be 0..31'] });
    expect(body(4).pokemon).toEqual(saved);

    // Trading: PLAYER offers pkm-000002 to P2, P2 answers with an imported creature.
    const p2uid = (body(0).imported as Array<{ uid: string }>)[0].uid;
    const trade = await run(proc, [
      [PLAYER, 'TRADE_OFFER', { to: 'P2', uid: 'pkm-000002' }],
      [PLAYER, 'TRADE_OFFER', { to: 'P2', uid: 'pkm-000002' }, 'ALREADY_OFFERED'],
      [PLAYER, 'TRADE_OFFER', { to: PLAYER, uid: 'pkm-000003' }, 'INVALID_PARTNER'],
      ['P2', 'TRADE_LIST', {}],
      ['P3', 'TRADE_ACCEPT', { offerId: 'trade-0001', uid: p2uid }, 'NOT_YOUR_OFFER'],
      ['P2', 'TRADE_ACCEPT', { offerId: 'trade-0001', uid: p2uid }],
      ['P2', 'TRADE_ACCEPT', { offerId: 'trade-0001', uid: p2uid }, 'OFFER_CLOSED'],
      [PLAYER, 'TRADE_CANCEL', { offerId: 'trade-0001' }, 'OFFER_CLOSED'],
      [PLAYER, 'GET_POKEMON', { uid: 'pkm-000002' }],
    ]);
    expect((trade[3][0].data as { data: { offers: unknown[] } }).data.offers.length).toBe(1);
    expect((trade[8][0].data as { data: { pokemon: { owner: string } } }).data.pokemon.owner).toBe('P2');
  });
});
