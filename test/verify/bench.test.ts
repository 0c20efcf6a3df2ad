// bench-runtime's messages/s: both sides sum the same messages, and a pause of the machine on
// one side (its slowest 1 %) takes that message out of both sums.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/loadProject.ts';
import { benchRuntime, pairedKept } from '../../src/verify/bench.ts';
import { copyFixture, editFile } from './helpers/fixtureProject.ts';

describe('pairedKept', () => {
  it('drops the pairs where either side was among its slowest 1 %, the same pairs for both', () => {
    const mono = Array.from({ length: 200 }, (_, i) => 1 + (i % 7) / 10);
    const fed = [...mono];
    mono[10] = 90; // a pause on the monolith's side
    fed[150] = 120; // and one on the federated side
    const kept = pairedKept(mono, fed);
    expect(kept.length).toBe(200);
    expect(kept[10]).toBe(false);
    expect(kept[150]).toBe(false);
    expect(kept.filter(Boolean).length).toBeGreaterThanOrEqual(196);
    const sum = (t: number[]) => t.filter((_, i) => kept[i]).reduce((a, b) => a + b, 0);
    expect(sum(mono)).toBeCloseTo(sum(fed), 9);
  });

  it('keeps every pair of a steady run (ties at the cut stay)', () => {
    const steady = Array.from({ length: 50 }, () => 2);
    expect(pairedKept(steady, steady).every(Boolean)).toBe(true);
  });
});

describe('benchRuntime on a process that gives itself away', () => {
  it('measures after a load that changed Owner (the reading is the harness own Eval)', { timeout: 120_000 }, async () => {
    const project = copyFixture('mini');
    editFile(
      project,
      'src/beta/main.lua',
      'Seen = Seen or {}',
      'Seen = Seen or {}\nHandlers.add("Transfer", Handlers.utils.hasMatchingTag("Action", "Transfer"), function(msg) Owner = msg.Tags.To end)',
    );
    appendFileSync(path.join(project.root, 'traces/beta.jsonl'), '{"From": "OWNER", "Tags": {"Action": "Transfer", "To": "SOMEONE_ELSE"}}\n');
    const report = await benchRuntime(loadProject({ project: project.root, cwd: project.root }), { messages: 40 });
    const beta = report.processes.find((p) => p.process === 'beta')!;
    expect(beta.federated.memoryAfterLoadKiB).toBeGreaterThan(0);
    expect(beta.monolith.messages).toBe(beta.federated.messages);
  });
});
