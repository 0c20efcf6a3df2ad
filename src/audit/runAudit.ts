// `runAudit`: the require graph, the duplication audit and the bundle-size analysis of a
// project, as the AuditReport that `migrate audit` writes to reports/audit.json (format in
// docs/audit.md). The Lua part runs on the calling thread (`auditLua`) or with worker threads
// doing the per-file work (`auditLuaParallel`, `--jobs`; same report); the TS audit is added
// under `ts` when the config has a `client` block.
import os from 'node:os';
import path from 'node:path';
import type { Project } from '../config/loadProject.ts';
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { Workspace } from '../files/tree.ts';
import { DiskWorkspace } from '../stage/workspace.ts';
import { buildRequireGraph, type GraphProblem, type RequireGraph } from '../graph/requireGraph.ts';
import { listLuaFiles, luaFileFacts, luaFileFactsWithTree, rememberLuaFileFacts, type LuaFileFacts } from '../graph/luaFiles.ts';
import type { Chunk } from 'luaparse';
import { decodeLua } from '../parse/luaSource.ts';
import { fileSha256 } from '../hash.ts';
import { noProgress, type Progress, type ProgressTask } from '../progress.ts';
import { analyseBundleSizes, type ProcessSize, type SplitProjection } from './projectedSplit.ts';
import type { FileAuditFacts } from './luaUnits.ts';
import { AuditSession } from './auditSession.ts';
import { startFactsPool, type FactsPool } from './factsPool.ts';
import { findDuplicates, type AuditFile, type DuplicateFinding, type DuplicateKind } from './duplicates.ts';
import { auditTs, type TsAuditReport } from './tsAudit.ts';

export const AUDIT_SCHEMA = 'ao-migrate/audit@1';

export interface AuditModule {
  name: string;
  path: string;
  bytes: number;
  lines: number;
  functions: number;
  processes: string[];
  /** Used by >= runtime.shareThreshold processes (a runtime candidate). */
  shared: boolean;
  isEntry: boolean;
  /** Resolved project modules it requires (graph edges). */
  requires: string[];
  /** Other require names reaching the same file (a symlinked folder). */
  aliases: string[];
}

export interface AuditReport {
  schema: typeof AUDIT_SCHEMA;
  project: string;
  sourceRoot: string;
  summary: {
    files: number;
    luaBytes: number;
    processes: number;
    duplicates: Record<DuplicateKind, number>;
    redundantBytes: number;
    problems: number;
    parseErrors: number;
    runtimeBytes: number;
    reductionPct: number;
  };
  processes: ProcessSize[];
  modules: AuditModule[];
  duplicates: DuplicateFinding[];
  problems: GraphProblem[];
  cycles: string[][];
  split: SplitProjection;
  ts?: TsAuditReport | { error: string };
}

/** On this thread, from `tree` (the parse that just made the facts) or a tree parsed again. */
function inThreadFacts(session: AuditSession, file: LuaFileFacts, tree?: Chunk): FileAuditFacts | undefined {
  if (file.error) return undefined;
  const known = session.facts.get(file.hash);
  if (known) return known;
  const ast = tree ?? file.parsed.ast;
  return ast ? session.factsOf(file.hash, file.text, ast) : undefined;
}

/** A file's graph facts and audit facts, from one parse when neither is known yet. */
function analyseFile(session: AuditSession, bytes: Buffer, file: string): void {
  const { facts, ast } = luaFileFactsWithTree(bytes, file, false);
  inThreadFacts(session, facts, ast);
}

/**
 * The Lua audit on any workspace (disk, memory or a staged tree), on the calling thread.
 * `session`: what earlier audits of this run know (a new one: start cold).
 */
export function auditLua(
  config: ProjectConfig,
  ws: Workspace,
  projectName = path.basename(ws.root),
  session = new AuditSession(),
  progress: Progress = noProgress,
): AuditReport {
  // Each file is analysed with the tree of the parse that made its facts (the parse cache keeps
  // no trees by default); the graph then finds every file's facts cached.
  const files = listLuaFiles(config, ws);
  const task = progress('audit', files.length + 1);
  for (const file of files) {
    const bytes = ws.read(file);
    if (bytes) analyseFile(session, bytes, file);
    task.tick(1, file);
  }
  return finishReport(task, luaReport(config, ws, buildRequireGraph(config, ws), projectName, session, task));
}

/** The audit task's last unit (graph, sizes, duplicates) and its closing line. */
function finishReport(task: ProgressTask, report: AuditReport): AuditReport {
  task.tick(1);
  task.done(
    `${report.summary.files} files, ${report.summary.processes} processes, ${report.duplicates.length} duplicate finding(s), ${report.problems.length} problem(s)`,
  );
  return report;
}

function luaReport(config: ProjectConfig, ws: Workspace, graph: RequireGraph, projectName: string, session: AuditSession, task?: ProgressTask): AuditReport {
  task?.tick(0, 'require graph, sizes and duplicates');
  const { processes, split } = analyseBundleSizes(config, graph);
  const files: AuditFile[] = [];
  for (const m of graph.modules.values()) {
    const bytes = ws.read(m.path);
    if (!bytes) continue;
    const file = luaFileFacts(bytes, m.path);
    const facts = inThreadFacts(session, file);
    files.push({
      path: m.path,
      module: m.name,
      text: file.text,
      ...(facts ? { facts } : {}),
      hash: file.hash,
      bytes: bytes.length,
      processes: graph.moduleProcesses.get(m.name) ?? [],
    });
  }
  const duplicates = findDuplicates(files, session);
  return assemble(config, graph, processes, split, duplicates, projectName);
}

export interface LuaAuditOptions {
  /**
   * Threads that parse and analyse files, the main thread included (`--jobs`); default
   * os.availableParallelism(). 1 keeps everything on the calling thread.
   */
  jobs?: number;
  /** Below this many bytes of Lua the audit stays on the calling thread (a worker takes ~50 ms to start). */
  minParallelBytes?: number;
  /** false: the calling thread analyses no file of its own, the workers take them all (tests). */
  mainThreadShare?: boolean;
  /** What earlier audits of this run know (default: a new session, a cold start). */
  session?: AuditSession;
  /** Files analysed, then the report (the CLI's progress bar). */
  progress?: Progress;
}

export const MIN_PARALLEL_BYTES = 4_000_000;

export const defaultJobs = (): number => os.availableParallelism?.() ?? os.cpus().length;

/**
 * The Lua audit with `jobs - 1` worker threads parsing files and extracting their facts while
 * this thread takes its own share (see factsPool.ts). The report is identical to auditLua's
 * whatever the number of threads.
 */
export async function auditLuaParallel(
  config: ProjectConfig,
  ws: Workspace,
  projectName = path.basename(ws.root),
  opts: LuaAuditOptions = {},
): Promise<AuditReport> {
  const jobs = Math.max(1, Math.floor(opts.jobs ?? defaultJobs()));
  const session = opts.session ?? new AuditSession();
  const progress = opts.progress ?? noProgress;
  if (jobs < 2) return auditLua(config, ws, projectName, session, progress);
  const paths = listLuaFiles(config, ws);
  const buffers = paths.map((p) => ws.read(p) ?? Buffer.alloc(0));
  const total = buffers.reduce((s, b) => s + b.length, 0);
  if (total < (opts.minParallelBytes ?? MIN_PARALLEL_BYTES)) return auditLua(config, ws, projectName, session, progress);
  // Each content once (the graph reuses these hashes: they are remembered per Buffer), files
  // already analysed skipped, largest first so the last files claimed are small.
  const hashes = buffers.map(fileSha256);
  const sameContent = new Map<string, number[]>();
  const order: number[] = [];
  buffers.forEach((b, i) => {
    const copies = sameContent.get(hashes[i]!);
    if (copies) return void copies.push(i);
    sameContent.set(hashes[i]!, [i]);
    if (b.length > 0 && !session.facts.has(hashes[i]!)) order.push(i);
  });
  order.sort((a, b) => buffers[b]!.length - buffers[a]!.length || a - b);
  let pool: FactsPool;
  try {
    pool = startFactsPool(
      order.map((i) => buffers[i]!),
      jobs - 1,
      // the workers compute the graph's facts too: this thread parses only its own share
      { graphFacts: true },
    );
  } catch {
    return auditLua(config, ws, projectName, session, progress); // no worker script (esbuild failed): stay on this thread
  }
  // Counted in files this thread analysed; the workers' files are counted when they hand them in.
  const task = progress('audit', paths.length + 1);
  task.tick(paths.length - order.length);
  try {
    // This thread's share first, each file analysed right after its parse (see auditLua).
    let mine = 0;
    if (opts.mainThreadShare !== false) {
      for (let k = pool.claim(); k !== -1; k = pool.claim(), mine++) {
        analyseFile(session, buffers[order[k]!]!, paths[order[k]!]!);
        task.tick(1, paths[order[k]!]!);
      }
    }
    const handedIn = await pool.finish();
    task.tick(order.length - mine, 'files of the worker threads');
    for (const [k, { facts, graph: core }] of handedIn) {
      const i = order[k]!;
      if (facts) session.facts.set(hashes[i]!, facts);
      if (core) {
        const known = { ...core, text: decodeLua(buffers[i]!).text, hash: hashes[i]! };
        for (const j of sameContent.get(hashes[i]!)!) rememberLuaFileFacts(buffers[j]!, known);
      }
    }
    // Whatever is still unknown (a module outside the listing, files of a worker that failed)
    // is parsed and analysed here.
    return finishReport(task, luaReport(config, ws, buildRequireGraph(config, ws), projectName, session, task));
  } finally {
    pool.terminate();
  }
}

function assemble(
  config: ProjectConfig,
  graph: RequireGraph,
  processes: ProcessSize[],
  split: SplitProjection,
  duplicates: DuplicateFinding[],
  projectName: string,
): AuditReport {
  const aliasesOf = new Map<string, string[]>();
  for (const [alias, name] of graph.aliases) aliasesOf.set(name, [...(aliasesOf.get(name) ?? []), alias].sort());
  const runtime = new Set(split.runtimeModules);
  const modules: AuditModule[] = [...graph.modules.values()]
    .map((m) => ({
      name: m.name,
      path: m.path,
      bytes: m.bytes,
      lines: m.lines,
      functions: m.functions,
      processes: graph.moduleProcesses.get(m.name) ?? [],
      shared: runtime.has(m.name),
      isEntry: m.isEntry,
      requires: graph.edges.get(m.name) ?? [],
      aliases: aliasesOf.get(m.name) ?? [],
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const counts: Record<DuplicateKind, number> = { 'exact-file': 0, 'type-1': 0, 'type-2': 0, near: 0, drifted: 0 };
  for (const d of duplicates) counts[d.kind]++;
  return {
    schema: AUDIT_SCHEMA,
    project: projectName,
    sourceRoot: config.sourceRoot,
    summary: {
      files: modules.length,
      luaBytes: modules.reduce((s, m) => s + m.bytes, 0),
      processes: processes.length,
      duplicates: counts,
      redundantBytes: duplicates.filter((d) => d.kind !== 'near' && d.kind !== 'drifted').reduce((s, d) => s + d.redundantBytes, 0),
      problems: graph.problems.length,
      parseErrors: graph.problems.filter((p) => p.kind === 'parse-error').length,
      runtimeBytes: split.runtimeBytes,
      reductionPct: split.reductionPct,
    },
    processes,
    modules,
    duplicates,
    problems: graph.problems,
    cycles: graph.cycles,
    split,
  };
}

/** The full audit of a project on disk (Lua + the TS client when configured). */
export async function runAudit(project: Project, opts: { ws?: Workspace; ts?: boolean } & LuaAuditOptions = {}): Promise<AuditReport> {
  const ws = opts.ws ?? new DiskWorkspace(project.root);
  const report = await auditLuaParallel(project.config, ws, path.basename(project.root), opts);
  if (project.config.client && opts.ts !== false) {
    try {
      report.ts = await auditTs(project);
    } catch (e) {
      // The TS side failing must not hide the Lua findings; the error is shown in the report.
      report.ts = { error: e instanceof Error ? e.message : String(e) };
    }
  }
  return report;
}
