// One scale factor, measured in its own process (so peak RSS is this factor's alone): build the
// corpus, then time bare parse (1 thread and --jobs threads), audit, plan, apply of every step,
// rollback and bundle (three modes). Prints one JSON line (the row) on stdout.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import luaparse from 'luaparse';
import { EXAMPLE_DIR, loadProject } from '../../src/config/loadProject.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { buildProject } from '../../src/bundle/index.ts';
import { BUILD_MODES } from '../../src/bundle/builds.ts';
import { planEpic } from '../../src/plan/epicPlanner.ts';
import { savePlan } from '../../src/plan/planFile.ts';
import { applyAll, rollback } from '../../src/engine/engine.ts';
import { applyHooks } from '../../src/cli/engineHooks.ts';
import { generateCorpus } from './generateCorpus.ts';
import { runAudit } from '../../src/audit/runAudit.ts';
import { parseInPool } from './parsePool.ts';
import { LUAPARSE_LEAN_OPTIONS } from '../../src/parse/luaSource.ts';

export interface PhaseRow {
  factor: number;
  files: number;
  luaMb: number;
  processes: number;
  steps: number;
  seconds: Record<string, number | null>;
  totalSeconds: number;
  mbPerSec: Record<string, number | null>;
  peakRssMb: number;
  auditVsParse: number | null;
  /** The audit against a one-thread parse with the options the audit needs. */
  auditVsAuditOptionsParse: number | null;
  notes: string[];
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

const progress = (factor: number, what: string): void => void process.stderr.write(`  ${factor}x: ${what}\n`);

/** Reads and parses every file on this thread: luaparse's defaults (bare) or the given options. */
function timeParse(files: string[], options: Partial<luaparse.Options> = { luaVersion: '5.3', encodingMode: 'pseudo-latin1' }): number {
  const t0 = performance.now();
  for (const f of files) {
    let b = readFileSync(f);
    if (b.subarray(0, 3).equals(BOM)) b = b.subarray(3);
    try {
      luaparse.parse(b.toString('latin1'), options);
    } catch {
      /* counted by the audit, not here */
    }
  }
  return (performance.now() - t0) / 1000;
}

export async function measureFactor(factor: number, jobs: number, workDir: string, opts: { identicalShards?: boolean } = {}): Promise<PhaseRow> {
  const notes: string[] = [];
  const dir = path.join(workDir, `x${factor}`);
  const corpus = generateCorpus(EXAMPLE_DIR, dir, factor, { identical: opts.identicalShards });
  const project = loadProject({ project: dir, cwd: dir });
  const ws = new DiskWorkspace(project.root);
  const luaFiles = ws
    .list(project.config.sourceRoot)
    .filter((p) => p.endsWith('.lua'))
    .map((p) => path.join(dir, p));
  const sizes = new Map(luaFiles.map((f) => [f, statSync(f).size]));
  const mb = corpus.luaBytes / 1e6;
  const seconds: Record<string, number | null> = {};

  progress(factor, `corpus ready: ${corpus.files} files, ${mb.toFixed(1)} MB; parsing`);
  seconds.parse = timeParse(luaFiles);
  // The audit cannot parse bare: it needs ranges (edits, positions), comments and scope (shadowed
  // `require`, globals). This is that parse alone, on one thread: the floor under the audit.
  seconds.parseAuditOptions = timeParse(luaFiles, { ...LUAPARSE_LEAN_OPTIONS });
  seconds.parseJobs = (await parseInPool(luaFiles, jobs, sizes)).seconds;

  progress(factor, `parse ${seconds.parse.toFixed(2)} s; audit`);
  seconds.audit = (await timed(() => runAudit(project, { jobs }))).seconds;

  progress(factor, 'plan');
  const planned = await timed(() => planEpic(project, { name: 'bench' }));
  seconds.plan = planned.seconds;
  const plan = planned.value;
  // Decisions are user choices: the bench keeps drifted copies apart (the "skip" option).
  for (const s of plan.steps) if (s.transform === 'decision' && !s.decision?.choice) s.skip = true;
  await savePlan(project.root, plan);

  progress(factor, `plan ${seconds.plan.toFixed(2)} s, ${plan.steps.length} steps; apply`);
  // `migrate apply --all`: every step, in one run (one lock, one view of the disk).
  const starts: number[] = [];
  const t0 = performance.now();
  // the hooks `migrate apply` passes (the monolith baseline before the first step)
  const applied = await applyAll(project, { plan: 'bench', hooks: applyHooks, onProgress: (m) => void (m.startsWith('[') && starts.push(performance.now())) });
  const t1 = performance.now();
  seconds.apply = (t1 - t0) / 1000;
  seconds.applySlowestStep = Math.max(0, ...starts.map((t, i) => ((starts[i + 1] ?? t1) - t) / 1000));
  const steps = applied.applied.length;

  progress(factor, `apply ${seconds.apply.toFixed(2)} s; rollback`);
  const rb = await timed(() => rollback(project, { plan: 'bench' }));
  seconds.rollback = rb.seconds;
  if (!rb.value.identical) notes.push(`rollback NOT identical: ${rb.value.mismatches.slice(0, 5).join(', ')}`);

  progress(factor, `rollback ${seconds.rollback.toFixed(2)} s; bundle`);
  seconds.bundle = (
    await timed(() => {
      for (const mode of BUILD_MODES) buildProject(project, new DiskWorkspace(project.root), mode);
    })
  ).seconds;

  const phases = ['audit', 'plan', 'apply', 'rollback', 'bundle'];
  const totalSeconds = phases.reduce((a, p) => a + (seconds[p] ?? 0), 0);
  const mbPerSec: Record<string, number | null> = {};
  for (const p of ['parse', 'parseAuditOptions', 'parseJobs', ...phases]) mbPerSec[p] = seconds[p] ? mb / seconds[p]! : null;
  return {
    factor,
    files: corpus.files,
    luaMb: Number(mb.toFixed(2)),
    processes: corpus.processes,
    steps,
    seconds,
    totalSeconds,
    mbPerSec,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    auditVsParse: seconds.audit ? seconds.audit / seconds.parse : null,
    auditVsAuditOptionsParse: seconds.audit ? seconds.audit / seconds.parseAuditOptions : null,
    notes,
  };
}
