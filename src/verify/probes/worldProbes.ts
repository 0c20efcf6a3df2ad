// World probes: the probe traces of every process (traces/probes/<process>.jsonl) replayed in
// one world (world.ts), each message sent to its own process. A probe that makes a process
// call a peer (a save validated by another process, a battle started for a session) is then
// delivered and the peer's handlers run, its replies come back, and every cross-process
// message, reply, error and print is compared, baseline monolith world against the current
// worlds. A behaviour change that only shows in what one process sends another (a field
// dropped from a request, a flipped check in the peer's answer) is caught here, where the
// per-process replay (peers absent, outbox compared as sent) misses what the peer does with it.
// No file of its own: the list is derived from the per-process probe files (edit those), in
// config order; the messages' ids and senders are the files' own (senders use the world ids
// PROCESS_<NAME> of the other processes, so a peer's registration names a real world process).
import type { Project } from '../../config/loadProject.ts';
import type { Workspace } from '../../files/tree.ts';
import type { Progress } from '../../progress.ts';
import { readBaseline } from '../baseline.ts';
import { buildFor } from '../bootBuilds.ts';
import { loadTrace, type Trace } from '../trace.ts';
import type { BuildMode } from '../types.ts';
import { verifyWorld, type WorldReport, type WorldRun } from '../worldParity.ts';
import { ensureProbeTraces } from './forVerify.ts';
import path from 'node:path';
import { MigrateError } from '../../errors.ts';

export interface WorldProbeReport extends WorldReport {
  /** Processes left out of the world (their baseline does not boot), with the reason. */
  skipped: { process: string; reason: string }[];
  /**
   * Set when the baseline world itself never becomes quiet (VERIFY-040: probes sent from a
   * peer's id get replies the peer answers in turn): nothing compared, the per-process verdict
   * stands; never a failure of the migration.
   */
  notRun?: string;
}

/** Every process's probe messages, in config order, each with its process as Target. */
export function worldProbeTraces(project: Project, files: Map<string, string[]>): Trace[] {
  const out: Trace[] = [];
  for (const p of project.config.processes) {
    for (const file of files.get(p.name) ?? []) {
      const t = loadTrace(file);
      out.push({ file: path.relative(project.root, file) || file, messages: t.messages.map((m) => ({ ...m, target: p.name })) });
    }
  }
  return out;
}

/**
 * Runs the world probes (undefined when fewer than two processes have probes: nothing crosses
 * a process boundary then, the per-process replay already says everything).
 */
export async function verifyWorldProbes(
  project: Project,
  opts: { modes?: BuildMode[]; workspace?: Workspace; progress?: Progress; baselineCache?: Map<string, WorldRun> } = {},
): Promise<WorldProbeReport | undefined> {
  const names = project.config.processes.map((p) => p.name);
  const baseline = readBaseline(project)?.build ?? (await buildFor(project, 'monolith'));
  const probes = await ensureProbeTraces(project, names, baseline);
  const inWorld = names.filter((n) => !probes.skipped.some((s) => s.process === n));
  if ([...probes.files.keys()].length < 2) return undefined;
  let report: WorldReport;
  try {
    report = await verifyWorld(project, {
      loaded: worldProbeTraces(project, probes.files),
      processes: inWorld,
      ...(opts.modes ? { modes: opts.modes } : {}),
      ...(opts.workspace ? { workspace: opts.workspace } : {}),
      ...(opts.progress ? { progress: opts.progress } : {}),
      ...(opts.baselineCache ? { baselineCache: opts.baselineCache } : {}),
    });
  } catch (e) {
    if (!(e instanceof MigrateError) || e.code !== 'VERIFY-040') throw e;
    return { ok: true, players: 1, traces: [], baseline: 'stored', runs: [], skipped: probes.skipped, notRun: e.message };
  }
  return { ...report, skipped: probes.skipped };
}
