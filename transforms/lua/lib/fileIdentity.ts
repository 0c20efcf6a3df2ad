// Whether two paths of a tree are one file. On disk a file reached through a symlinked folder
// has two paths and one real path; the planner's in-memory snapshot holds such a file under
// both paths and knows the real one. Workspaces that know offer `fileIdentity(p)` (memory,
// staged) or `realPath(p)` (disk, session); any other workspace has one path per file.
// (The graph helper is moving the require resolver to real-path identity in src/graph; this is
// the transforms' own small question, asked only when a move target already exists.)
import type { Workspace } from '../../../src/files/tree.ts';

type Identifies = { fileIdentity?: (p: string) => string | undefined; realPath?: (p: string) => string | undefined };

/** The identity of the file at `p`: its real path when the workspace knows one, else `p`. */
export function fileIdentity(ws: Workspace, p: string): string {
  const w = ws as Workspace & Identifies;
  if (typeof w.fileIdentity === 'function') return w.fileIdentity(p) ?? p;
  if (typeof w.realPath === 'function') return w.realPath(p) ?? p;
  return p;
}

/** true when `a` and `b` both exist and are the same file. */
export function sameFile(ws: Workspace, a: string, b: string): boolean {
  return a === b || (ws.exists(a) && ws.exists(b) && fileIdentity(ws, a) === fileIdentity(ws, b));
}
