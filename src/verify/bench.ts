// Load bench: N messages per process through the monolith and the federated build side by
// side in one run (message by message, each side first in turn, so machine drift hits both alike): messages/s,
// p50/p95 per message, boot time, Lua memory after boot and after the load; then the world
// with N players. Ratios are federated / monolith (below 1 is better for time and memory).
import path from 'node:path';
import type { Project } from '../config/loadProject.ts';
import { MigrateError } from '../errors.ts';
import { bootFromPlan, bootPlan, buildFor } from './bootBuilds.ts';
import { probeSourceBuild } from './probes/probeFile.ts';
import { keepHarnessEval, takeSnapshot } from './snapshot.ts';
import { loadTrace, type TraceMessage } from './trace.ts';
import type { BuildMode, BuildOutput } from './types.ts';
import { World } from './world.ts';
import { runWorldScenarios, worldTraceFiles } from './worldParity.ts';
import { ensureProbeTraces } from './probes/forVerify.ts';
import type { AosProcess } from './aosRuntime.ts';

export interface LoadFigures {
  bootMs: number;
  /** Messages counted in totalMs and perSecond: the same on both sides (pairedKept). */
  messages: number;
  totalMs: number;
  perSecond: number;
  p50: number;
  p95: number;
  memoryAfterBootKiB: number;
  memoryAfterLoadKiB: number;
  errored: number;
}

export interface ProcessBench {
  process: string;
  monolith: LoadFigures;
  federated: LoadFigures;
  ratios: Record<'bootMs' | 'perSecond' | 'p50' | 'p95' | 'memoryAfterBootKiB' | 'memoryAfterLoadKiB', number>;
}

export interface WorldBench {
  players: number;
  mode: BuildMode;
  playerMessages: number;
  deliveries: number;
  totalMs: number;
  perSecond: number;
}

export interface BenchReport {
  messagesPerProcess: number;
  processes: ProcessBench[];
  world: WorldBench[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** `n` messages cycling through `source`, each with its own increasing Timestamp. */
export function cycleMessages(source: TraceMessage[], n: number): TraceMessage[] {
  if (source.length === 0) return [];
  return Array.from({ length: n }, (_, i) => {
    const m = source[i % source.length]!;
    return { ...m, msg: { ...m.msg, Timestamp: 1_700_000_000_000 + i * 1000 } };
  });
}

interface Side {
  proc: AosProcess;
  bootMs: number;
  memBoot: number;
  times: number[];
  errored: number;
}

async function bootSide(build: BuildOutput, mode: BuildMode, processName: string): Promise<Side> {
  // Spawned alike, with no Federation-Mode tag (each build sets its own mode): the two processes
  // differ only in their code ("federated" is a byte longer than "monolith").
  const { proc, bootMs } = await bootFromPlan(bootPlan(build, mode, processName), { modeTag: false });
  const memBoot = (await takeSnapshot(proc, { globals: [] })).memoryKiB;
  // Measured before, installed on both sides alike: the load may give the process away
  // (Transfer-Ownership), and the reading after it is an Eval of the harness.
  await keepHarnessEval(proc);
  return { proc, bootMs, memBoot, times: [], errored: 0 };
}

/**
 * The messages both sides count: every message both processed, except those where either side
 * was among its own slowest 1 % (a pause of the machine: another process, Node's collector, not
 * the code, whose slow paths repeat and stay). Both sides then sum the same messages.
 */
export function pairedKept(a: number[], b: number[]): boolean[] {
  const cut = (t: number[]) =>
    percentile(
      [...t].sort((x, y) => x - y),
      99,
    );
  const [ca, cb] = [cut(a), cut(b)];
  return a.map((t, i) => t <= ca && (b[i] ?? Infinity) <= cb);
}

async function finish(side: Side, kept: boolean[]): Promise<LoadFigures> {
  const sorted = [...side.times].sort((a, b) => a - b);
  const counted = side.times.filter((_, i) => kept[i]);
  const totalMs = counted.reduce((a, b) => a + b, 0);
  const memLoad = (await takeSnapshot(side.proc, { globals: [] })).memoryKiB;
  return {
    bootMs: side.bootMs,
    messages: counted.length,
    totalMs,
    perSecond: totalMs > 0 ? (counted.length * 1000) / totalMs : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    memoryAfterBootKiB: side.memBoot,
    memoryAfterLoadKiB: memLoad,
    errored: side.errored,
  };
}

const ratio = (f: number, m: number): number => (m === 0 ? 0 : f / m);

export async function benchRuntime(
  project: Project,
  opts: { messages?: number; players?: number; onProgress?: (line: string) => void } = {},
): Promise<BenchReport> {
  const n = opts.messages ?? 5000;
  const players = opts.players ?? 1;
  const builds = { monolith: await buildFor(project, 'monolith'), federated: await buildFor(project, 'federated') };
  const processes: ProcessBench[] = [];
  // a process with no hand-written trace draws its load from its probe trace (synthesised
  // from the baseline when missing, as verify does)
  const untraced = project.config.processes.filter((p) => p.traces.length === 0).map((p) => p.name);
  const probes = untraced.length ? await ensureProbeTraces(project, untraced, await probeSourceBuild(project)) : undefined;
  for (const p of project.config.processes) {
    const files = p.traces.length ? p.traces.map((t) => path.resolve(project.root, t)) : (probes?.files.get(p.name) ?? []);
    const source = files.flatMap((f) => loadTrace(f).messages);
    if (source.length === 0) {
      const skipped = probes?.skipped.find((s) => s.process === p.name);
      opts.onProgress?.(`skip ${p.name}: ${skipped ? skipped.reason : 'no traces and no probe messages to draw from'}`);
      continue;
    }
    if (!p.traces.length) opts.onProgress?.(`${p.name}: drawing messages from its probe trace (${source.length} message(s))`);
    const load = cycleMessages(source, n);
    const mono = await bootSide(builds.monolith, 'monolith', p.name);
    const fed = await bootSide(builds.federated, 'federated', p.name);
    // Message by message, each side first in turn: both sides meet the same moments of a busy
    // machine (measured on identical builds: blocks of 100 gave ratios of 0.69-1.26, this 1.00-1.09).
    for (const [i, m] of load.entries()) {
      for (const side of i % 2 === 0 ? [mono, fed] : [fed, mono]) {
        const r = await side.proc.send(m.msg);
        side.times.push(r.ms);
        if (r.Error) side.errored += 1;
      }
    }
    const kept = pairedKept(mono.times, fed.times);
    const monolith = await finish(mono, kept);
    const federated = await finish(fed, kept);
    processes.push({
      process: p.name,
      monolith,
      federated,
      ratios: {
        bootMs: ratio(federated.bootMs, monolith.bootMs),
        perSecond: ratio(federated.perSecond, monolith.perSecond),
        p50: ratio(federated.p50, monolith.p50),
        p95: ratio(federated.p95, monolith.p95),
        memoryAfterBootKiB: ratio(federated.memoryAfterBootKiB, monolith.memoryAfterBootKiB),
        memoryAfterLoadKiB: ratio(federated.memoryAfterLoadKiB, monolith.memoryAfterLoadKiB),
      },
    });
    opts.onProgress?.(`${p.name}: ${n} messages each side`);
  }
  if (processes.length === 0 && project.config.processes.length > 0) {
    throw new MigrateError('VERIFY-050', 'no process has a trace or probe messages to draw bench messages from', {
      hint: 'list trace files per process in migrate.config.json ("traces"), or run `migrate trace probe` (processes need handlers)',
    });
  }
  const world: WorldBench[] = [];
  const files = worldTraceFiles(project);
  if (files.length) {
    const traces = files.map((f) => loadTrace(f));
    const names = project.config.processes.map((p) => p.name);
    // Two rounds, alternating modes; only the second counts (the first warms V8 and the wasm).
    for (const round of [0, 1]) {
      for (const mode of ['monolith', 'federated'] as const) {
        const w = await World.boot(builds[mode], mode, names);
        const steps = await runWorldScenarios(w, traces, players);
        const totalMs = w.deliveries.reduce((a, d) => a + d.ms, 0);
        if (round === 1)
          world.push({
            players,
            mode,
            playerMessages: steps.length,
            deliveries: w.deliveries.length,
            totalMs,
            perSecond: totalMs > 0 ? (w.deliveries.length * 1000) / totalMs : 0,
          });
      }
    }
  }
  return { messagesPerProcess: n, processes, world };
}

export function renderBench(r: BenchReport): string {
  const f1 = (x: number) => x.toFixed(1);
  const f2 = (x: number) => x.toFixed(2);
  const lines = [`Load: ${r.messagesPerProcess} messages per process, monolith vs federated (ratio = federated / monolith)`];
  lines.push(
    'process       msg/s mono  msg/s fed  ratio  p50 ms m/f    p95 ms m/f    boot ms m/f     ratio  mem boot KiB m/f   ratio  mem load KiB m/f  ratio',
  );
  for (const p of r.processes) {
    const m = p.monolith;
    const f = p.federated;
    lines.push(
      `${p.process.padEnd(12)} ${f1(m.perSecond).padStart(11)} ${f1(f.perSecond).padStart(10)} ${f2(p.ratios.perSecond).padStart(6)}  ${`${f2(m.p50)}/${f2(f.p50)}`.padEnd(13)} ${`${f2(m.p95)}/${f2(f.p95)}`.padEnd(13)} ${`${f1(m.bootMs)}/${f1(f.bootMs)}`.padEnd(15)} ${f2(p.ratios.bootMs).padStart(5)}  ${`${f1(m.memoryAfterBootKiB)}/${f1(f.memoryAfterBootKiB)}`.padEnd(18)} ${p.ratios.memoryAfterBootKiB.toFixed(3).padStart(5)}  ${`${f1(m.memoryAfterLoadKiB)}/${f1(f.memoryAfterLoadKiB)}`.padEnd(17)} ${f2(p.ratios.memoryAfterLoadKiB).padStart(5)}`,
    );
  }
  for (const w of r.world) {
    lines.push(
      `world ${w.mode.padEnd(9)} ${w.players} player(s): ${w.playerMessages} player messages, ${w.deliveries} deliveries, ${f1(w.perSecond)} deliveries/s`,
    );
  }
  const [wm, wf] = [r.world.find((w) => w.mode === 'monolith'), r.world.find((w) => w.mode === 'federated')];
  if (wm && wf) lines.push(`world throughput ratio federated/monolith: ${f2(ratio(wf.perSecond, wm.perSecond))}`);
  // The two figures the runtime is judged on, over all processes (federated / monolith).
  if (r.processes.length) {
    const worst = (k: 'memoryAfterBootKiB' | 'perSecond', pick: (a: number, b: number) => number) =>
      r.processes.map((p) => p.ratios[k]).reduce((a, b) => pick(a, b));
    const sum = (side: 'monolith' | 'federated', k: 'messages' | 'totalMs') => r.processes.reduce((n, p) => n + p[side][k], 0);
    const rate = (side: 'monolith' | 'federated') => sum(side, 'messages') / Math.max(1e-9, sum(side, 'totalMs'));
    lines.push(
      `federated / monolith: memory after boot ${worst('memoryAfterBootKiB', Math.max).toFixed(3)} (worst process), messages/s ${(rate('federated') / rate('monolith')).toFixed(3)} (all messages), ${worst('perSecond', Math.min).toFixed(2)} (worst process)`,
    );
  }
  return lines.join('\n');
}
