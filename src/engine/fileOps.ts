// Disk writes of the engine: a file is set to an image (bytes + mode, or absent) through a temp
// file in the same folder and a rename, so a reader sees the old or the new bytes, never half.
// The low-level write is injectable so tests can simulate a full disk.
import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { syncDir } from './durableFiles.ts';
import { sha256 } from '../hash.ts';

/** Writes `data` to a new file `file` (the temp file) durably. */
export type WriteFileFn = (file: string, data: Buffer) => void;

export const defaultWriteFile: WriteFileFn = (file, data) => {
  const fd = openSync(file, 'wx');
  try {
    writeSync(fd, data, 0, data.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

export const TEMP_SUFFIX = '.migrate-tmp';

/** The mode of a file on disk (undefined when it is not a file). */
export function diskMode(root: string, rel: string): number | undefined {
  try {
    const st = statSync(path.join(root, rel));
    return st.isFile() ? st.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a path already holds an image (null: absent). With `size` (the image's byte length,
 * when the caller has the bytes) a file of another size is told apart by its stat alone.
 */
export function diskHolds(root: string, rel: string, want: { sha: string; mode: number } | null, size?: number): boolean {
  if (want === null) return diskImage(root, rel) === null;
  try {
    const st = statSync(path.join(root, rel));
    if (!st.isFile() || (st.mode & 0o7777) !== want.mode || (size !== undefined && st.size !== size)) return false;
  } catch {
    return false;
  }
  return diskImage(root, rel)?.sha === want.sha;
}

export function diskImage(root: string, rel: string): { sha: string; mode: number } | null {
  const abs = path.join(root, rel);
  try {
    const st = statSync(abs);
    if (!st.isFile()) return null;
    return { sha: sha256(readFileSync(abs)), mode: st.mode & 0o7777 };
  } catch {
    return null;
  }
}

/**
 * Sets `rel` to `content` with `mode`, or removes it when content is null. The folder is synced
 * here unless the caller collects folders in `dirsToSync` and syncs them once at the end.
 */
export function setFile(
  root: string,
  rel: string,
  content: Buffer | null,
  mode: number | undefined,
  writeFile: WriteFileFn = defaultWriteFile,
  dirsToSync?: Set<string>,
): void {
  const abs = path.join(root, rel);
  if (content === null) {
    try {
      unlinkSync(abs);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    pruneEmptyDirs(root, path.dirname(abs));
    return;
  }
  mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}${TEMP_SUFFIX}`);
  try {
    writeFile(tmp, content);
    chmodSync(tmp, mode ?? 0o644);
    renameSync(tmp, abs);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temp file was never created
    }
    throw e;
  }
  if (dirsToSync) dirsToSync.add(path.dirname(abs));
  else syncDir(path.dirname(abs));
}

/** Removes folders left empty by a delete or a move, up to (not including) the root. */
function pruneEmptyDirs(root: string, dir: string): void {
  let d = dir;
  while (d.startsWith(root + path.sep)) {
    try {
      if (readdirSync(d).length) return;
      rmdirSync(d);
    } catch {
      return;
    }
    d = path.dirname(d);
  }
}

/** Removes temp files an interrupted write left next to `rels`. */
export function removeTempFiles(root: string, rels: string[]): void {
  const dirs = new Set(rels.map((r) => path.dirname(path.join(root, r))));
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) if (n.endsWith(TEMP_SUFFIX)) unlinkSync(path.join(dir, n));
  }
}
