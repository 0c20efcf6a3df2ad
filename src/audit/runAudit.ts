// `runAudit`: the require graph, the duplication audit and the bundle-size analysis of a
// project, as the AuditReport that `migrate audit` writes to reports/audit.json (format in
// docs/audit.md). The Lua part is synchronous (`auditLua`); the TS audit is added under `ts`
// when the config has a `client` block.
import path from 'node:path';
import type { Project } from '../config/loadProject.ts';
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { Workspace } from '../stage/tree.ts';
import { DiskWorkspace } from '../stage/workspace.ts';
import { buildRequireGraph, type GraphProblem, type RequireGraph } from '../graph/requireGraph.ts';
import { luaFileFacts } from '../graph/luaFiles.ts';
import { analyseBundleSizes, type ProcessSize, type SplitProjection } from './bundleSize.ts';
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

/** The Lua audit on any workspace (disk, memory or a staged tree). */
export function auditLua(config: ProjectConfig, ws: Workspace, projectName = path.basename(ws.root)): AuditReport {
  const graph = buildRequireGraph(config, ws);
  const { processes, split } = analyseBundleSizes(config, graph);
  const files: AuditFile[] = [];
  for (const m of graph.modules.values()) {
    const bytes = ws.read(m.path);
    if (!bytes) continue;
    const facts = luaFileFacts(bytes, m.path);
    files.push({
      path: m.path,
      module: m.name,
      text: facts.parsed.text,
      ...(facts.parsed.ast ? { ast: facts.parsed.ast } : {}),
      hash: facts.hash,
      bytes: bytes.length,
      processes: graph.moduleProcesses.get(m.name) ?? [],
    });
  }
  const duplicates = findDuplicates(files);
  return assemble(config, graph, processes, split, duplicates, projectName);
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
export async function runAudit(project: Project, opts: { ws?: Workspace; ts?: boolean } = {}): Promise<AuditReport> {
  const ws = opts.ws ?? new DiskWorkspace(project.root);
  const report = auditLua(project.config, ws, path.basename(project.root));
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
