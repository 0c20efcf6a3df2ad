// Every path a transform, a plan or a workspace handles is project-relative POSIX and stays
// inside the project: an absolute path or a `..` segment is refused before anything is read
// or written (a plan is a file people edit and share; it must not reach outside).
import { MigrateError } from '../errors.ts';

export function isInsideProject(p: string): boolean {
  if (!p || p.charCodeAt(0) === 47 /* / */) return false;
  // Hot path (every read of every file): most paths have no `..`, no backslash, no drive.
  if (!p.includes('..') && !p.includes('\\') && p.charCodeAt(1) !== 58 /* : */) return true;
  const posix = p.replace(/\\/g, '/');
  if (posix.startsWith('/') || /^[A-Za-z]:\//.test(posix)) return false;
  return !posix.split('/').some((seg) => seg === '..');
}

/** Normalises `p` (backslashes, a leading `./`) and refuses paths outside the project. */
export function projectPath(p: string): string {
  const posix = p.includes('\\') || p.startsWith('./') ? p.replace(/\\/g, '/').replace(/^(\.\/)+/, '') : p;
  if (!isInsideProject(posix)) {
    throw new MigrateError('STAGE-001', `path '${p}' is outside the project`, {
      hint: 'plans, params and transforms may only name project-relative paths without ".."',
    });
  }
  return posix;
}
