// The README table of the floor figures: written between its markers, nothing else touched.
import { describe, expect, it } from 'vitest';
import { CORPORA_MARKERS, corporaMarkdown, floorMarkdown, README_MARKERS, withFloorTable, type FloorReport } from './floorBench.ts';

const report: FloorReport = {
  measuredAt: '2026-12-05T13:00:00.000Z',
  command: 'migrate size --json',
  processes: [
    {
      process: 'battle',
      federated: true,
      originalBytes: 1_012_200,
      shellBytes: 77_400,
      floorBytes: 74_300,
      shellToOriginal: 0.076,
      shellToFloor: 1.042,
      memoryAfterBoot: 0.989,
      messagesPerSecond: 1.2,
    },
    {
      process: 'tiny',
      federated: false,
      originalBytes: 400,
      shellBytes: 400,
      floorBytes: 380,
      shellToOriginal: 1,
      shellToFloor: 1.053,
      memoryAfterBoot: null,
      messagesPerSecond: null,
    },
  ],
  totals: { shellBytes: 77_800, floorBytes: 74_680, originalBytes: 1_012_600, shellToFloor: 1.042, shellToOriginal: 0.077 },
  memoryAfterBootWorst: 0.989,
  messagesPerSecondAll: 1.2,
  messagesPerProcess: 1000,
};

describe('floor table', () => {
  it('replaces only the text between the markers; a README without them is left as it is', () => {
    const [open, close] = README_MARKERS;
    const readme = `# T\nbefore\n${open}\nold table\n${close}\nafter\n`;
    const out = withFloorTable(readme, floorMarkdown(report));
    expect(out.startsWith(`# T\nbefore\n${open}\n| process |`)).toBe(true);
    expect(out.endsWith(`${close}\nafter\n`)).toBe(true);
    expect(out).not.toContain('old table');
    expect(out).toContain('| battle | 1012.2 KB | 77.4 KB | 7.6 % | 74.3 KB | 1.042 | 0.989 | 1.200 |');
    expect(out).toContain('| tiny (monolith) | 0.4 KB | 0.4 KB | 100.0 % | 0.4 KB | 1.053 | n/a | n/a |');
    expect(out).toContain('| all shells | 1012.6 KB | 77.8 KB | 7.7 % | 74.7 KB | 1.042 | worst 0.989 | all messages 1.200 |');
    expect(withFloorTable('no markers\n', 'x')).toBe('no markers\n');
  });

  it('writes the corpora rows between their own markers, leaving the example table as it is', () => {
    const [open, close] = CORPORA_MARKERS;
    const readme = `${README_MARKERS[0]}\nexample\n${README_MARKERS[1]}\n${open}\n${close}\n`;
    const out = withFloorTable(readme, corporaMarkdown([{ label: 'some+repo', report }], 300), CORPORA_MARKERS);
    expect(out).toContain(`${README_MARKERS[0]}\nexample\n${README_MARKERS[1]}`);
    expect(out).toContain('| some+repo | 2 (1 federated) | 100.0 % | 1.042 | 0.989 | 1.200 |');
    expect(out).toContain('bench-runtime --messages 300');
  });
});
