// The floor figures of issue 16 on the embedded example, migrated for real with the CLI (plan,
// decisions kept apart, apply every step): per process the federated shell ÷ its original
// monolith and ÷ its floor, the sum of shells ÷ the sum of floors (`migrate size --json`), and
// federated ÷ monolith memory after boot and messages/s (`migrate bench-runtime --json`).
// Spawns the CLI (bin/migrate.mjs) as a user would, so the figures are the CLI's own.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { EXAMPLE_DIR, TOOLKIT_ROOT } from '../../src/config/loadProject.ts';
import { JSON_SCHEMAS } from '../../src/cli/jsonSchemas.ts';

// The part of `bench-runtime --json` (src/verify/bench.ts BenchReport) the figures use.
const side = z.object({ messages: z.number(), totalMs: z.number() });
const benchRuntimeOutput = z.object({
  processes: z.array(
    z.object({ process: z.string(), monolith: side, federated: side, ratios: z.object({ memoryAfterBootKiB: z.number(), perSecond: z.number() }) }),
  ),
});

export interface FloorRow {
  process: string;
  federated: boolean;
  originalBytes: number;
  shellBytes: number;
  floorBytes: number;
  shellToOriginal: number;
  shellToFloor: number;
  memoryAfterBoot: number | null;
  messagesPerSecond: number | null;
}

export interface FloorReport {
  measuredAt: string;
  command: string;
  processes: FloorRow[];
  totals: { shellBytes: number; floorBytes: number; originalBytes: number; shellToFloor: number; shellToOriginal: number };
  /** Worst (highest) federated ÷ monolith memory after boot; messages/s over all messages. */
  memoryAfterBootWorst: number | null;
  messagesPerSecondAll: number | null;
  messagesPerProcess: number;
}

/** Runs the CLI; exit 1 is accepted where it means findings (plan and size: a budget exceeded). */
function cli(dir: string, args: string[], findingsOk = false): string {
  const r = spawnSync(process.execPath, [path.join(TOOLKIT_ROOT, 'bin', 'migrate.mjs'), ...args, '--project', dir], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    env: { ...process.env, NO_COLOR: '1' },
  });
  // The example's raw runtime is over its budget: plan and size say so with exit 1.
  if (r.status !== 0 && !(r.status === 1 && findingsOk)) throw new Error(`migrate ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return r.stdout;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

export function benchFloor(workDir: string, opts: { messages?: number; runtime?: boolean; source?: string; label?: string } = {}): FloorReport {
  const source = opts.source ?? EXAMPLE_DIR;
  const label = opts.label ?? 'examples/pokerogue-ao';
  const dir = path.join(workDir, `floor-${label.replace(/[^A-Za-z0-9_-]+/g, '_')}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(source, dir, { recursive: true, filter: (src) => !/[\\/](build|\.migrate|node_modules|migration-plans|\.git)$/.test(src) });
  // A real code base comes without a config: init writes it, as a new user's first command.
  if (!existsSync(path.join(dir, 'migrate.config.json'))) cli(dir, ['init', '--json']);
  cli(dir, ['plan'], true);
  cli(dir, ['decide', '--all', 'keep-apart']);
  cli(dir, ['apply', '--all', '--quiet']);
  const size = JSON_SCHEMAS.size.parse(JSON.parse(cli(dir, ['size', '--json'], true)));
  const messages = opts.messages ?? 1000;
  const bench =
    opts.runtime === false ? undefined : benchRuntimeOutput.parse(JSON.parse(cli(dir, ['bench-runtime', '--messages', String(messages), '--json'])));
  const ratios = new Map(bench?.processes.map((p) => [p.process, p.ratios]) ?? []);
  const processes = size.processes.map((p): FloorRow => ({
    process: p.process,
    federated: p.federated,
    originalBytes: p.originalBytes,
    shellBytes: p.shellBytes,
    floorBytes: p.floorBytes,
    shellToOriginal: p.shellToOriginal,
    shellToFloor: p.shellToFloor,
    memoryAfterBoot: ratios.get(p.process)?.memoryAfterBootKiB ?? null,
    messagesPerSecond: ratios.get(p.process)?.perSecond ?? null,
  }));
  // Messages/s over all messages: total messages ÷ total time, federated against monolith.
  const rate = (k: 'monolith' | 'federated') => {
    const all = bench?.processes ?? [];
    const ms = all.reduce((n, p) => n + p[k].totalMs, 0);
    return ms > 0 ? all.reduce((n, p) => n + p[k].messages, 0) / ms : 0;
  };
  return {
    measuredAt: new Date().toISOString(),
    command: `migrate plan; migrate decide --all keep-apart; migrate apply --all; migrate size --json; migrate bench-runtime --messages ${messages} --json (on a copy of ${label})`,
    processes,
    totals: size.totals,
    memoryAfterBootWorst: bench ? round(Math.max(...processes.map((p) => p.memoryAfterBoot ?? 0))) : null,
    messagesPerSecondAll: bench && rate('monolith') > 0 ? round(rate('federated') / rate('monolith')) : null,
    messagesPerProcess: messages,
  };
}

const pct = (r: number): string => `${(r * 100).toFixed(1)} %`;
const kb = (n: number): string => `${(n / 1000).toFixed(1)} KB`;
const num = (r: number | null): string => (r === null ? 'n/a' : r.toFixed(3));

/** The Markdown table the README carries between its bench:floor markers. */
export function floorMarkdown(r: FloorReport): string {
  const rows = r.processes.map(
    (p) =>
      `| ${p.process}${p.federated ? '' : ' (monolith)'} | ${kb(p.originalBytes)} | ${kb(p.shellBytes)} | ${pct(p.shellToOriginal)} | ${kb(p.floorBytes)} | ${p.shellToFloor.toFixed(3)} | ${num(p.memoryAfterBoot)} | ${num(p.messagesPerSecond)} |`,
  );
  const t = r.totals;
  return [
    '| process | original monolith | federated shell | shell / original | floor | shell / floor | memory after boot (fed. / mono.) | messages/s (fed. / mono.) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    `| all shells | ${kb(t.originalBytes)} | ${kb(t.shellBytes)} | ${pct(t.shellToOriginal)} | ${kb(t.floorBytes)} | ${t.shellToFloor.toFixed(3)} | worst ${num(r.memoryAfterBootWorst)} | all messages ${num(r.messagesPerSecondAll)} |`,
    '',
    `Measured ${r.measuredAt.slice(0, 10)} by \`npm run bench -- --sizes-only\` (${r.command}; raw bytes; ${r.messagesPerProcess} messages per process).`,
  ].join('\n');
}

export const README_MARKERS = ['<!-- bench:floor -->', '<!-- /bench:floor -->'] as const;

/** `readme` with the text between the markers replaced (unchanged when the markers are absent). */
export function withFloorTable(readme: string, table: string, markers: readonly [string, string] = README_MARKERS): string {
  const [open, close] = markers;
  const a = readme.indexOf(open);
  const b = readme.indexOf(close);
  if (a < 0 || b < a) return readme;
  return `${readme.slice(0, a + open.length)}\n${table}\n${readme.slice(b)}`;
}

export const CORPORA_MARKERS = ['<!-- bench:floor-corpora -->', '<!-- /bench:floor-corpora -->'] as const;

/** One row per real code base: the issue-16 figures of `benchFloor` on a copy of it. */
export function corporaMarkdown(reports: { label: string; report: FloorReport }[], messages: number): string {
  const rows = reports.map(({ label, report: r }) => {
    const fed = r.processes.filter((p) => p.federated).length;
    const largest = Math.max(...r.processes.map((p) => p.shellToOriginal));
    return `| ${label} | ${r.processes.length} (${fed} federated) | ${pct(largest)} | ${r.totals.shellToFloor.toFixed(3)} | ${num(r.memoryAfterBootWorst)} | ${num(r.messagesPerSecondAll)} |`;
  });
  return [
    '| code base | processes | largest shell / original | sum of shells / floor | memory after boot, worst (fed. / mono.) | messages/s, all (fed. / mono.) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench -- --sizes-only --corpora <dir>,...\` (on a copy of each: migrate init; plan; decide --all keep-apart; apply --all; size --json; bench-runtime --messages ${messages} --json; raw bytes).`,
  ].join('\n');
}
