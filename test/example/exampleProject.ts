// The example as the toolkit sees it: its config, a disk workspace, the bundler's require graph
// and monolith build (src/bundle). Built once per test file and cached.
import { loadProject, EXAMPLE_DIR, type Project } from '../../src/config/loadProject.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { buildBundleGraph, buildProject } from '../../src/bundle/index.ts';
import type { BundleGraph } from '../../src/bundle/closure.ts';
import type { BuildOutput } from '../../src/verify/types.ts';

let project: Project | undefined;
let graph: BundleGraph | undefined;
let monolith: BuildOutput | undefined;

export function exampleProject(): Project {
  project ??= loadProject({ project: EXAMPLE_DIR, cwd: EXAMPLE_DIR });
  return project;
}

/** The bundler's graph of the example (closures per process, parsed requires). */
export function exampleGraph(): BundleGraph {
  const p = exampleProject();
  graph ??= buildBundleGraph(p.config, new DiskWorkspace(p.root));
  return graph;
}

/** Monolith bundles of every process, built by src/bundle. */
export function monolithBuild(): BuildOutput {
  const p = exampleProject();
  monolith ??= {
    files: buildProject(p, new DiskWorkspace(p.root), 'monolith')
      .files.filter((f) => f.kind === 'monolith')
      .map((f) => ({ path: f.path, content: f.content, kind: 'monolith' as const, process: f.process })),
  };
  return monolith;
}

export function monolithOf(processName: string): string {
  const file = monolithBuild().files.find((f) => f.process === processName);
  if (!file) throw new Error(`the monolith build has no bundle for ${processName}`);
  return file.content;
}
