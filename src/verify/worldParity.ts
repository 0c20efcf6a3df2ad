// End-to-end parity: the same players' scenarios in the baseline monolith world and in the
// current monolith / hybrid / federated worlds. Every message crossing a process boundary,
// every reply to a player, every error and print must be identical, in the same order.
// `players` > 1 runs one copy of the scenarios per player (player k's ids get a `_P<k>`
// suffix) and interleaves them round-robin, one player message at a time.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Project } from '../config/loadProject.ts';
import type { Workspace } from '../files/tree.ts';
import { readBaseline } from './baseline.ts';
import { buildFor, buildForBoot } from './bootBuilds.ts';
import { compareSnapshots, unifiedDiff, type AnswerDifference } from './compare.ts';
import { defaultModes } from './migrationState.ts';
import { keepHarnessEval, takeSnapshot } from './snapshot.ts';
import { loadTrace, type Trace, type TraceMessage } from './trace.ts';
import type { BuildMode, BuildOutput } from './types.ts';
import { World, type WorldEvent } from './world.ts';
import { noProgress, type Progress } from '../progress.ts';

export interface WorldStep {
  player: number;
  file: string;
  line: number;
  message: TraceMessage['msg'];
  target?: string;
  events: WorldEvent[];
}

/**
 * Player k's copy of an id: `_P<k>` appended, or, for ids of 43+ characters (Arweave-sized,
 * which processes may validate), written over the id's last characters so the length stays.
 */
export function playerId(id: string, k: number): string {
  const suffix = `_P${k}`;
  return id.length >= 43 ? id.slice(0, id.length - suffix.length) + suffix : `${id}${suffix}`;
}

/** The scenario messages of player `k` (k = 0 keeps the trace's own ids). */
export function forPlayer(messages: TraceMessage[], k: number): TraceMessage[] {
  if (k === 0) return messages;
  const players = new Set(messages.map((m) => m.msg.From).filter((f) => !f.startsWith('${process:')));
  const rename = (v: string): string => (players.has(v) ? playerId(v, k) : v);
  return messages.map((m) => {
    const tags = m.msg.Tags ?? {};
    let data = m.msg.Data ?? '';
    for (const p of players) data = data.split(p).join(playerId(p, k));
    return {
      ...m,
      msg: {
        ...m.msg,
        From: rename(m.msg.From),
        ...(m.msg.Owner !== undefined ? { Owner: rename(m.msg.Owner) } : {}),
        Tags: Array.isArray(tags)
          ? tags.map((t) => ({ name: t.name, value: rename(t.value) }))
          : Object.fromEntries(Object.entries(tags).map(([n, v]) => [n, rename(String(v))])),
        Data: data,
      },
    };
  });
}

/** Runs the traces for `players` players, interleaved round-robin; returns every step. */
export async function runWorldScenarios(world: World, traces: Trace[], players = 1): Promise<WorldStep[]> {
  const sessions = Array.from({ length: players }, (_, k) => traces.flatMap((t) => forPlayer(t.messages, k).map((m) => ({ file: t.file, m }))));
  const steps: WorldStep[] = [];
  const longest = Math.max(0, ...sessions.map((s) => s.length));
  for (let i = 0; i < longest; i++) {
    for (let k = 0; k < players; k++) {
      const item = sessions[k]![i];
      if (!item) continue;
      const events = await world.send(item.m, item.file);
      steps.push({ player: k, file: item.file, line: item.m.line, message: item.m.msg, ...(item.m.target ? { target: item.m.target } : {}), events });
    }
  }
  return steps;
}

export interface WorldDifference {
  step: number;
  player: number;
  file: string;
  line: number;
  message: TraceMessage['msg'];
  event: number;
  expected: WorldEvent | undefined;
  actual: WorldEvent | undefined;
  diff: string;
}

function eventForDisplay(e: WorldEvent): unknown {
  if (e.kind !== 'cross' && e.kind !== 'reply') return e;
  return { ...e, message: { ...e.message, Tags: Object.fromEntries(e.message.Tags) } };
}

export function compareWorldSteps(expected: WorldStep[], actual: WorldStep[]): WorldDifference | null {
  for (let s = 0; s < expected.length; s++) {
    const e = expected[s]!;
    const a = actual[s]!;
    const n = Math.max(e.events.length, a.events.length);
    for (let i = 0; i < n; i++) {
      const ee = e.events[i];
      const ae = a.events[i];
      const strip = (x: WorldEvent | undefined) => (x && x.kind === 'error' ? { ...x, rawError: undefined } : x);
      if (JSON.stringify(strip(ee)) !== JSON.stringify(strip(ae))) {
        return {
          step: s,
          player: e.player,
          file: e.file,
          line: e.line,
          message: e.message,
          event: i,
          expected: ee,
          actual: ae,
          diff: unifiedDiff('baseline world', 'current world', e.events.map(eventForDisplay), a.events.map(eventForDisplay)),
        };
      }
    }
  }
  return null;
}

export interface WorldRunReport {
  mode: BuildMode;
  ok: boolean;
  steps: number;
  deliveries: number;
  crossings: number;
  replies: number;
  firstDifference?: WorldDifference;
  snapshotDifferences: (AnswerDifference & { process: string })[];
}

export interface WorldReport {
  ok: boolean;
  players: number;
  traces: string[];
  baseline: 'stored' | 'current' | 'disk';
  runs: WorldRunReport[];
}

/** `<root>/traces/world/*.jsonl`, sorted. */
export function worldTraceFiles(project: Project): string[] {
  const dir = path.join(project.root, 'traces', 'world');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(dir, f));
}

export type WorldRun = Awaited<ReturnType<typeof runWorld>>;

async function runWorld(build: BuildOutput, mode: BuildMode, names: string[], traces: Trace[], players: number) {
  const world = await World.boot(build, mode, names);
  for (const proc of world.processes.values()) await keepHarnessEval(proc);
  const steps = await runWorldScenarios(world, traces, players);
  const snapshots = new Map<string, Awaited<ReturnType<typeof takeSnapshot>>>();
  for (const [name, proc] of world.processes) snapshots.set(name, await takeSnapshot(proc));
  return { world, steps, snapshots };
}

export async function verifyWorld(
  project: Project,
  opts: {
    modes?: BuildMode[];
    traces?: string[];
    /** Traces already loaded (e.g. the probe files with a Target per message), instead of files. */
    loaded?: Trace[];
    /** The processes the world holds (default: every process of the config). */
    processes?: string[];
    players?: number;
    workspace?: Workspace;
    progress?: Progress;
    /**
     * The baseline world's run, kept across calls by the caller (a session: e.g. probe-strength
     * verifying many mutants against one baseline); keyed by the processes, traces and players.
     */
    baselineCache?: Map<string, WorldRun>;
  } = {},
): Promise<WorldReport> {
  const files = opts.loaded
    ? opts.loaded.map((t) => t.file)
    : opts.traces?.length
      ? opts.traces.map((t) => path.resolve(project.root, t))
      : worldTraceFiles(project);
  const traces = opts.loaded ?? files.map((f) => ({ ...loadTrace(f), file: path.relative(project.root, f) || f }));
  const players = opts.players ?? 1;
  const names = opts.processes ?? project.config.processes.map((p) => p.name);
  const stored = readBaseline(project);
  const modes = opts.modes?.length ? opts.modes : defaultModes(project, opts.workspace);
  const task = (opts.progress ?? noProgress)('verify world', 1 + modes.length);
  task.tick(0, 'baseline');
  const baseBuild = stored?.build ?? (await buildFor(project, 'monolith'));
  const key = JSON.stringify([names, traces.map((t) => [t.file, t.messages.length]), players]);
  const base = opts.baselineCache?.get(key) ?? (await runWorld(baseBuild, 'monolith', names, traces, players));
  opts.baselineCache?.set(key, base);
  task.tick(1);
  const runs: WorldRunReport[] = [];
  for (const mode of modes) {
    task.tick(0, mode);
    const cur = await runWorld(await buildForBoot(project, mode, opts.workspace), mode, names, traces, players);
    const firstDifference = compareWorldSteps(base.steps, cur.steps);
    const snapshotDifferences = firstDifference
      ? []
      : names.flatMap((n) => compareSnapshots(base.snapshots.get(n)!, cur.snapshots.get(n)!).map((d) => ({ ...d, process: n })));
    const all = cur.steps.flatMap((s) => s.events);
    runs.push({
      mode,
      ok: !firstDifference && snapshotDifferences.length === 0,
      steps: cur.steps.length,
      deliveries: cur.world.deliveries.length,
      crossings: all.filter((e) => e.kind === 'cross').length,
      replies: all.filter((e) => e.kind === 'reply').length,
      ...(firstDifference ? { firstDifference } : {}),
      snapshotDifferences,
    });
    task.tick(1);
  }
  task.done(`${runs.length} mode(s), ${runs.filter((r) => !r.ok).length} with a difference`);
  return {
    ok: runs.every((r) => r.ok),
    players,
    traces: files.map((f) => path.relative(project.root, path.resolve(project.root, f))),
    baseline: stored ? 'stored' : opts.workspace ? 'disk' : 'current',
    runs,
  };
}

export function renderWorldReport(r: WorldReport): string {
  const lines = [
    `World: ${r.traces.length} scenario file(s), ${r.players} player(s), baseline ${{ stored: '.migrate/baseline', current: 'the current monolith', disk: 'the monolith on disk' }[r.baseline]}`,
  ];
  let shown = false;
  for (const run of r.runs) {
    lines.push(
      `${run.ok ? 'ok  ' : 'DIFF'} world ${run.mode.padEnd(9)} ${run.steps} player messages, ${run.deliveries} deliveries, ${run.crossings} cross-process messages, ${run.replies} replies to players`,
    );
    const d = run.firstDifference;
    if (d && !shown) {
      shown = true;
      lines.push(`First difference: ${d.file}:${d.line} (player ${d.player}, step ${d.step + 1}), event #${d.event + 1}`);
      lines.push(`  message:  ${JSON.stringify(d.message)}`);
      lines.push(`  baseline: ${JSON.stringify(d.expected ? eventForDisplay(d.expected) : '(none)')}`);
      lines.push(`  current:  ${JSON.stringify(d.actual ? eventForDisplay(d.actual) : '(none)')}`);
      lines.push(d.diff);
    }
    for (const s of run.snapshotDifferences)
      lines.push(`State difference in ${s.process}: ${s.field}: ${JSON.stringify(s.expected)} -> ${JSON.stringify(s.actual)}`);
  }
  return lines.join('\n');
}
