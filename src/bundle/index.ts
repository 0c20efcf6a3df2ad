// The bundler's public surface: builds (monolith / federated / hybrid), writing them under the
// build folder, and the size report. Builds are pure functions of the sources: same bytes in,
// same bytes out (sorted names, no timestamps).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ProjectConfig } from '../config/projectConfig.ts';
import { MigrateError } from '../errors.ts';
import type { Workspace } from '../files/tree.ts';
import { buildBundleGraph } from './closure.ts';
import { BUILD_MODES, buildFromGraph, finish, type BuildMode, type BuildOptions, type BuildResult } from './builds.ts';
import { emitMonolith } from './emit.ts';
import { noProgress, type Progress } from '../progress.ts';

export { BUILD_MODES, buildFromGraph, type BuildFile, type BuildFileKind, type BuildMode, type BuildOptions, type BuildResult } from './builds.ts';
export { buildBundleGraph } from './closure.ts';
export { findBundleRequires, findFederatedRequires } from './federatedRequires.ts';

/** Builds every process of the project in `mode` from the workspace's sources. */
export function buildProject(
  project: { root: string; config: ProjectConfig },
  ws: Workspace,
  mode: BuildMode,
  opts: BuildOptions & { progress?: Progress } = {},
): BuildResult {
  if (!BUILD_MODES.includes(mode)) {
    throw new MigrateError('BUNDLE-010', `unknown build mode '${String(mode)}'`, { hint: `use one of ${BUILD_MODES.join(', ')}` });
  }
  const task = (opts.progress ?? noProgress)('bundle', 2);
  task.tick(0, 'require graph');
  const graph = buildBundleGraph(project.config, ws, { partial: opts.partial });
  const blocked = graph.processes.flatMap((p) => (p.blocked ? [{ process: p.name, error: p.blocked }] : []));
  task.tick(1, `${mode} builds`);
  const files = buildFromGraph(graph, mode, opts);
  task.tick(1);
  task.done(`${files.length} file(s) built (${mode})${blocked.length ? `, ${blocked.length} process(es) blocked` : ''}`);
  return { mode, files, ...(blocked.length ? { blocked } : {}) };
}

/** The monolith bundle of one process (text). */
export function bundleMonolith(config: ProjectConfig, ws: Workspace, processName: string, opts: BuildOptions = {}): string {
  const graph = buildBundleGraph(config, ws);
  const proc = graph.processes.find((p) => p.name === processName);
  if (!proc) {
    throw new MigrateError('BUNDLE-007', `no process named '${processName}'`, {
      hint: `configured processes: ${graph.processes.map((p) => p.name).join(', ')}`,
    });
  }
  return finish(emitMonolith(graph, proc), `monolith/${proc.name}.lua`, opts);
}

/** Writes a build under `<root>/<buildDir>/`; returns the absolute paths written. */
export function writeBuild(root: string, buildDir: string, result: BuildResult): string[] {
  const written: string[] = [];
  for (const f of result.files) {
    const abs = path.resolve(root, buildDir, f.path);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, f.content);
    written.push(abs);
  }
  return written;
}

export { sizeReport, type SizeReport, type ProcessSizes } from './size.ts';
