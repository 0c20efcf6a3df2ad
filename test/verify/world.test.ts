import { describe, expect, it } from 'vitest';
import { ensureBaseline } from '../../src/verify/baseline.ts';
import { parseTrace } from '../../src/verify/trace.ts';
import { World, worldProcessId } from '../../src/verify/world.ts';
import { renderWorldReport, runWorldScenarios, verifyWorld } from '../../src/verify/worldParity.ts';
import { copyFixture, editFile } from './helpers/fixtureProject.ts';
import { buildForBoot } from '../../src/verify/bootBuilds.ts';

describe('the world (all processes in one simulated AO)', () => {
  it('delivers cross-process messages until quiet and records every crossing and reply', async () => {
    const project = copyFixture('mini');
    const world = await World.boot(await buildForBoot(project, 'federated'), 'federated', ['alpha', 'beta']);
    const trace = parseTrace('{"From": "PLAYER_A", "Target": "alpha", "Tags": {"Action": "Relay", "To": "${process:beta}"}}', 'relay.jsonl');
    const events = await world.send(trace.messages[0]!);
    expect(events.map((e) => [e.kind, 'from' in e ? e.from : e.at, 'to' in e ? e.to : e.kind === 'reply' ? e.message.Target : ''])).toEqual([
      ['cross', 'alpha', 'beta'],
      ['cross', 'beta', 'alpha'],
      ['reply', 'alpha', 'PLAYER_A'],
    ]);
    const reply = events[2]!;
    if (reply.kind !== 'reply') throw new Error('expected a reply');
    expect(Object.fromEntries(reply.message.Tags).Action).toBe('Relayed');
    expect(JSON.parse(reply.message.Data)).toEqual({ body: { from: worldProcessId('alpha'), n: 7 }, kind: 'pong', version: 1 });
    expect(world.deliveries.map((d) => d.to)).toEqual(['alpha', 'beta', 'alpha']);
  });

  it('is identical across monolith, hybrid and federated worlds with 3 interleaved players', async () => {
    const project = copyFixture('mini');
    const report = await verifyWorld(project, { modes: ['monolith', 'hybrid', 'federated'], players: 3 });
    expect(report.runs.map((r) => [r.mode, r.ok, r.steps, r.crossings, r.replies])).toEqual([
      ['monolith', true, 12, 12, 12],
      ['hybrid', true, 12, 12, 12],
      ['federated', true, 12, 12, 12],
    ]);
    expect(report.ok).toBe(true);
  });

  it('gives each player distinct ids and interleaves them round-robin', async () => {
    const project = copyFixture('mini');
    const world = await World.boot(await buildForBoot(project, 'monolith'), 'monolith', ['alpha', 'beta']);
    const trace = parseTrace(
      '{"From": "PLAYER_A", "Target": "beta", "Tags": {"Action": "Ping"}}\n{"From": "PLAYER_A", "Target": "beta", "Tags": {"Action": "Draw"}}',
      't.jsonl',
    );
    const steps = await runWorldScenarios(world, [trace], 2);
    expect(steps.map((s) => [s.player, s.line, s.message.From])).toEqual([
      [0, 1, 'PLAYER_A'],
      [1, 1, 'PLAYER_A_P1'],
      [0, 2, 'PLAYER_A'],
      [1, 2, 'PLAYER_A_P1'],
    ]);
  });

  it('reports the first cross-process difference after a planted change', async () => {
    const project = copyFixture('mini');
    await ensureBaseline(project);
    editFile(project, 'src/shared/fmt.lua', 'version = 1', 'version = 2');
    const report = await verifyWorld(project, { modes: ['federated'] });
    const d = report.runs[0]!.firstDifference!;
    expect(report.ok).toBe(false);
    expect([d.line, d.event, d.expected?.kind, d.actual?.kind]).toEqual([1, 1, 'cross', 'cross']);
    if (d.expected?.kind !== 'cross' || d.actual?.kind !== 'cross') throw new Error('unreachable');
    expect([d.expected.from, d.expected.to]).toEqual(['beta', 'alpha']);
    expect(JSON.parse(d.expected.message.Data).version).toBe(1);
    expect(JSON.parse(d.actual.message.Data).version).toBe(2);
    expect(renderWorldReport(report)).toContain('First difference: traces/world/relay.jsonl:1 (player 0, step 1), event #2');
  });

  it('stops a message loop between processes with VERIFY-040', async () => {
    const bounce = 'Handlers.add("Ball", Handlers.utils.hasMatchingTag("Action", "Ball"), function(msg) ao.send({Target = msg.From, Action = "Ball"}) end)';
    const build = { files: ['a', 'b'].map((p) => ({ path: `${p}.lua`, kind: 'monolith' as const, process: p, content: bounce })) };
    const world = await World.boot(build, 'monolith', ['a', 'b'], { maxDeliveries: 50 });
    const trace = parseTrace('{"From": "${process:b}", "Target": "a", "Tags": {"Action": "Ball"}}', 'loop.jsonl');
    const first = trace.messages[0]!;
    first.msg.From = worldProcessId('b');
    await expect(world.send(first)).rejects.toMatchObject({ code: 'VERIFY-040' });
  });

  it('says which processes exist when a world message has an unknown Target (VERIFY-041)', async () => {
    const build = {
      files: [
        { path: 'a.lua', kind: 'monolith' as const, process: 'a', content: '' },
        { path: 'b.lua', kind: 'monolith' as const, process: 'b', content: '' },
      ],
    };
    const world = await World.boot(build, 'monolith', ['a', 'b']);
    const trace = parseTrace('{"From": "P", "Target": "zeta", "Tags": {"Action": "X"}}', 'w.jsonl');
    await expect(world.send(trace.messages[0]!, 'w.jsonl')).rejects.toThrow(/'zeta' is not in the world/);
  });
});

describe('player ids', () => {
  it('keep the length of Arweave-sized ids and append to short ones', async () => {
    const { playerId } = await import('../../src/verify/worldParity.ts');
    const ash = 'PLAYER_ASH000000000000000000000000000000000';
    expect(playerId(ash, 2)).toBe(`${ash.slice(0, 40)}_P2`);
    expect(playerId(ash, 2)).toHaveLength(43);
    expect(playerId('PLAYER_A', 1)).toBe('PLAYER_A_P1');
  });
});
