// Where verify gets its builds (the bundler, src/bundle: verify is the layer above it) and how
// it boots them. Boot order (docs/architecture.md "The federation model"):
// monolith -> the monolith bundle; federated -> runtime, then the shell; hybrid -> runtime
// (when `hybridWithRuntime`) then the hybrid shell. The spawn tag Federation-Mode tells the
// entry's mode flag which mode it runs in.
import type { Project } from '../config/loadProject.ts';
import { MigrateError } from '../errors.ts';
import { DiskWorkspace } from '../stage/workspace.ts';
import { buildProject } from '../bundle/index.ts';
import type { Workspace } from '../files/tree.ts';
import { AosProcess, aosWasmBytes, requiresLsqlite3, type AoResult } from './aosRuntime.ts';
import { assignmentBackportChunk, assignmentModuleSource, needsAssignmentBackport } from './aosBackport.ts';
import { stripAnsi } from './normalise.ts';
import type { BuildFile, BuildMode, BuildOutput } from './types.ts';

/** Builds the project in `mode` from `ws` (default: the project folder on disk). */
export async function buildFor(project: Project, mode: BuildMode, ws?: Workspace): Promise<BuildOutput> {
  return buildProject(project, ws ?? new DiskWorkspace(project.root), mode, {});
}

/**
 * The build verify boots for `mode`. A hybrid build carries no runtime of its own (the runtime
 * is deployed once, by the federated build), so the federated build's runtime is added to it:
 * hybrid then runs as deployed, runtime first, with its fallbacks unused unless the runtime
 * lacks a module (see bootPlan's hybridWithRuntime to run on fallbacks alone).
 */
export async function buildForBoot(project: Project, mode: BuildMode, ws?: Workspace): Promise<BuildOutput> {
  const build = await buildFor(project, mode, ws);
  if (mode !== 'hybrid' || build.files.some((f) => f.kind === 'runtime')) return build;
  const runtime = (await buildFor(project, 'federated', ws)).files.find((f) => f.kind === 'runtime');
  return runtime ? { files: [runtime, ...build.files] } : build;
}

export interface BootPlan {
  mode: BuildMode;
  process: string;
  /** Chunks evaluated in order after the spawn. */
  chunks: { label: string; code: string }[];
}

export interface BootPlanOptions {
  /** Hybrid: evaluate the runtime before the hybrid shell (default true when the build has one). */
  hybridWithRuntime?: boolean;
}

function pick(files: BuildFile[], kind: BuildFile['kind'], processName?: string): BuildFile | undefined {
  return files.find((f) => f.kind === kind && (processName === undefined || f.process === processName));
}

/** The chunks that boot `processName` from `build` in `mode`. */
export function bootPlan(build: BuildOutput, mode: BuildMode, processName: string, opts: BootPlanOptions = {}): BootPlan {
  const missing = (what: string): never => {
    throw new MigrateError('VERIFY-021', `the ${mode} build has no ${what} for process '${processName}'`, {
      hint: `files in the build: ${build.files.map((f) => `${f.path} (${f.kind}${f.process ? `, ${f.process}` : ''})`).join(', ') || 'none'}`,
    });
  };
  const runtime = pick(build.files, 'runtime');
  const chunk = (f: BuildFile) => ({ label: f.path, code: f.content });
  if (mode === 'monolith') {
    const m = pick(build.files, 'monolith', processName) ?? missing('monolith bundle');
    return { mode, process: processName, chunks: [chunk(m)] };
  }
  if (mode === 'federated') {
    const shell = pick(build.files, 'shell', processName) ?? missing('shell');
    // A process left unfederated is deployed as its monolith, without the runtime.
    if (shell.standalone) return { mode, process: processName, chunks: [chunk(shell)] };
    if (!runtime) missing('runtime');
    return { mode, process: processName, chunks: [chunk(runtime!), chunk(shell)] };
  }
  const hybrid = pick(build.files, 'hybrid-shell', processName) ?? missing('hybrid shell');
  const withRuntime = !hybrid.standalone && (opts.hybridWithRuntime ?? runtime !== undefined);
  return { mode, process: processName, chunks: [...(withRuntime && runtime ? [chunk(runtime)] : []), chunk(hybrid)] };
}

export interface BootedProcess {
  proc: AosProcess;
  /** Results of the spawn and of each chunk evaluation. */
  results: AoResult[];
  bootMs: number;
}

type BootOpts = {
  processId?: string;
  tags?: Record<string, string>;
  discardErroredState?: boolean;
  /** false: no Federation-Mode spawn tag, the build's own mode decides (bench: sides spawned alike). */
  modeTag?: boolean;
};

/**
 * Spawns an aos process and evaluates the plan's chunks; a chunk that errors is VERIFY-022.
 * A closure that mentions lsqlite3 boots on aos 2.0.4 first: when it loads there (lsqlite3 is
 * required only inside a function the load never calls, e.g. an amalg bundle's optional SQLite
 * storage), that is the runtime it runs on, as the aos 2 it is deployed on would run it; when its
 * load needs lsqlite3 (`module 'lsqlite3' not found`), it boots on the sqlite-enabled aos.
 */
export async function bootFromPlan(plan: BootPlan, opts: BootOpts = {}): Promise<BootedProcess> {
  const t0 = performance.now();
  try {
    return await bootOn(plan, opts, false, t0);
  } catch (e) {
    const needsSqlite = e instanceof MigrateError && /module 'lsqlite3' not found/.test(e.message) && plan.chunks.some((c) => requiresLsqlite3(c.code));
    if (!needsSqlite) throw e;
  }
  return bootOn(plan, opts, true, t0);
}

async function bootOn(plan: BootPlan, opts: BootOpts, sqlite: boolean, t0: number): Promise<BootedProcess> {
  let booted;
  try {
    booted = await AosProcess.boot({
      name: plan.process,
      sqlite,
      ...(opts.processId ? { processId: opts.processId } : {}),
      tags: { ...(opts.modeTag === false ? {} : { 'Federation-Mode': plan.mode }), ...(opts.tags ?? {}) },
    });
  } catch (e) {
    if (!sqlite) throw e;
    // phrased like aos's own missing-module error, so the process is reported "needs lsqlite3"
    throw new MigrateError(
      'VERIFY-022',
      `${plan.mode} boot of '${plan.process}' failed: module 'lsqlite3' not found: the sqlite-enabled aos (wasm64, in a child Node process with --experimental-wasm-memory64) did not start: ${(e as Error).message}`,
      {
        hint: 'Node 20 or later with wasm memory64 support is needed to verify processes that use lsqlite3',
      },
    );
  }
  const { process: proc, result } = booted;
  // Switched on after the boot chunks: a bundle that fails to evaluate is reported, not rolled back.
  const discard = opts.discardErroredState ?? false;
  const results = [result];
  const chunks = [...plan.chunks];
  // The sqlite module is aos process 0.2.0: a process calling aos 2's ao.addAssignable (and
  // friends) at load gets aos 2.0.4's own .assignment module first (see aosBackport.ts).
  if (sqlite && plan.chunks.some((c) => needsAssignmentBackport(c.code))) {
    chunks.unshift({ label: "aos 2.0.4's .assignment module", code: assignmentBackportChunk(assignmentModuleSource(aosWasmBytes())) });
    proc.backports.push("aos 2.0.4's .assignment (ao.addAssignable, removeAssignable, isAssignment, isAssignable)");
  }
  for (const c of chunks) {
    const r = await proc.eval(c.code);
    results.push(r);
    if (r.Error) {
      throw new MigrateError(
        'VERIFY-022',
        `${plan.mode} boot of '${plan.process}' failed while evaluating ${c.label}: ${stripAnsi(String(r.Error)).replace(/\s+/g, ' ').trim()}`,
        {
          hint: 'the bundle does not evaluate in aos: run `migrate bundle` and load it by hand with `.load` to see the error',
        },
      );
    }
  }
  proc.discardErroredState = discard;
  return { proc, results, bootMs: performance.now() - t0 };
}
