// Which modes make sense for the project as it stands: before the codemods have routed any
// require through the loader, only the monolith exists; once sources call
// Federation.require, the hybrid and federated builds are meaningful too.
import type { Project } from '../config/loadProject.ts';
import type { Workspace } from '../files/tree.ts';
import { DiskWorkspace } from '../stage/workspace.ts';
import type { BuildMode } from './types.ts';

/** true when any Lua file under the source root calls Federation.require. */
export function usesFederation(project: Project, workspace?: Workspace): boolean {
  const ws = workspace ?? new DiskWorkspace(project.root);
  const root = project.config.sourceRoot;
  return ws.list(root === '.' ? '' : root).some((f) => f.endsWith('.lua') && /Federation\s*\.\s*require\b/.test(ws.read(f)?.toString('utf8') ?? ''));
}

export function defaultModes(project: Project, workspace?: Workspace): BuildMode[] {
  return usesFederation(project, workspace) ? ['monolith', 'hybrid', 'federated'] : ['monolith'];
}
