// The example's world scenarios (traces/world/*.jsonl) in the verify world: all processes of
// the example as monoliths (src/bundle), cross-process messages delivered until quiet. Checks behaviour that
// only exists between processes: peers learned from spawn tags, correlation ids, the cheater's
// session ended by security's verdict, the admin's health sweep.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTrace } from '../../src/verify/trace.ts';
import { World, worldProcessId, type WorldEvent } from '../../src/verify/world.ts';
import { EXAMPLE_ROOT, PROCESSES } from './exampleBundle.ts';
import { monolithBuild } from './exampleProject.ts';

const WORLD_DIR = path.join(EXAMPLE_ROOT, 'traces', 'world');
const present: string[] = [...PROCESSES];

function isErrorReply(e: WorldEvent, to: string): boolean {
  if (e.kind !== 'reply' || e.message.Target !== to) return false;
  try {
    return (JSON.parse(e.message.Data) as { error?: boolean }).error === true;
  } catch {
    return false;
  }
}

async function play(world: World, name: string): Promise<WorldEvent[][]> {
  const file = path.join(WORLD_DIR, `${name}.jsonl`);
  const trace = parseTrace(readFileSync(file, 'utf8'), file);
  const all: WorldEvent[][] = [];
  for (const m of trace.messages) {
    const events = await world.send(m, file);
    const lua = events.filter((e) => e.kind === 'error');
    expect(lua, `${name}:${m.line} Lua errors`).toEqual([]);
    expect(
      events.some((e) => isErrorReply(e, m.msg.From)),
      `${name}:${m.line} error reply`,
    ).toBe(m.expectError === true);
    all.push(events);
  }
  return all;
}

describe('example world scenarios', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.boot(monolithBuild(), 'monolith', present);
  });

  it('has the scenarios', () => {
    expect(readdirSync(WORLD_DIR).filter((f) => f.endsWith('.jsonl')).length).toBeGreaterThanOrEqual(3);
  });

  it('player-session: save validated by security through a correlation id, session kept', async () => {
    const events = (await play(world, 'player-session')).flat();
    const toSecurity = events.filter((e) => e.kind === 'cross' && e.to === 'security');
    expect(toSecurity.length).toBeGreaterThan(0);
    const verdict = events.find((e) => e.kind === 'cross' && e.from === 'security' && e.to === 'coordinator');
    expect(verdict && verdict.kind === 'cross' && verdict.message.Tags.some(([n, v]) => n === 'Action' && v === 'VALIDATE_STATE-Response')).toBe(true);
    expect(events.some((e) => e.kind === 'reply' && e.message.Tags.some(([, v]) => v === 'SESSION_TERMINATED'))).toBe(false);
  });

  it('cheater: security rejects the save and the coordinator ends the session', async () => {
    const events = (await play(world, 'cheater')).flat();
    const terminated = events.find((e) => e.kind === 'reply' && e.message.Tags.some(([n, v]) => n === 'Action' && v === 'SESSION_TERMINATED'));
    expect(terminated && terminated.kind === 'reply' && terminated.message.Target).toBe('PLAYER_GARY'.padEnd(43, '0'));
  });

  it('admin-sweep: every process answers the broadcast health check', async () => {
    const events = (await play(world, 'admin-sweep')).flat();
    // the second process list, after the HEALTH_CHECK broadcast
    const lists = events.filter((e) => e.kind === 'reply' && e.message.Tags.some(([n, v]) => n === 'Action' && v === 'ADMIN_PROCESS_LIST-Response'));
    expect(lists.length).toBe(2);
    const after = lists[1].kind === 'reply' ? lists[1].message.Data : '{}';
    const processes = (JSON.parse(after) as { data: { processes: { name: string; status: string }[] } }).data.processes;
    const peers: string[] = present.filter((p) => p !== 'admin');
    expect(processes.map((p) => p.name).sort()).toEqual([...peers].sort());
    for (const p of processes) if (peers.includes(p.name)) expect(p.status, p.name).toBe('healthy');
    expect(worldProcessId('admin')).toHaveLength(43);
  });
});
