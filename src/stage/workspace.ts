// Workspaces: the read side of a Tree. DiskWorkspace reads a project folder (symlinks are
// followed for reading; `realPath` tells where a file really is so the graph counts a file
// reached by two paths once). MemoryWorkspace holds files in a Map, for tests and dry runs.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Workspace } from '../files/tree.ts';
import { projectPath } from '../files/projectPath.ts';
import { pathsUnder } from '../files/sortedPaths.ts';
import { RequireNameIndex, type RequireNames } from '../graph/requireNameIndex.ts';

export const toPosix = (p: string): string => p.split(path.sep).join('/');

const IGNORED_DIRS = new Set(['.git', 'node_modules', '.migrate']);

const READ_CACHE_LIMIT = 50_000;
const RACY_MS = 1000;
// File bytes by absolute path, kept while the file keeps its identity (inode, size, mtime,
// ctime; racy files are never kept) and bounded. Module-level on purpose: every DiskWorkspace
// of a run (graph, audit, planner, engine each make their own) must hand out the same Buffer
// object for an unchanged file, which is how the shared parse memo (graph/luaFiles.ts) skips
// hashing it; an entry can only be served for the very file object it was read from.
const readCache = new Map<string, { ino: bigint; size: bigint; mtime: bigint; ctime: bigint; bytes: Buffer }>();

export class DiskWorkspace implements Workspace {
  readonly root: string;
  private listing?: string[];
  private loops: string[] = [];
  private linked = false;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private abs(p: string): string {
    return p === '' ? this.root : path.join(this.root, projectPath(p));
  }

  read(p: string): Buffer | undefined {
    const abs = this.abs(p);
    try {
      // The same file object (inode, size, mtime) gives back the same Buffer, so the parse
      // cache recognises it without hashing; the engine writes by rename, a new inode.
      const st = statSync(abs, { bigint: true });
      const hit = readCache.get(abs);
      if (hit && hit.ino === st.ino && hit.size === st.size && hit.mtime === st.mtimeNs && hit.ctime === st.ctimeNs) return hit.bytes;
      const bytes = readFileSync(abs);
      // "Racy" files (changed within the clock's granularity) are never cached: a second
      // same-size write in the same tick would keep the same stamps (git's racy-clean rule).
      const ageMs = Date.now() - Number(st.mtimeMs);
      if (ageMs > RACY_MS) {
        if (readCache.size >= READ_CACHE_LIMIT) readCache.clear();
        readCache.set(abs, { ino: st.ino, size: st.size, mtime: st.mtimeNs, ctime: st.ctimeNs, bytes });
      }
      return bytes;
    } catch {
      return undefined;
    }
  }

  exists(p: string): boolean {
    try {
      return statSync(this.abs(p)).isFile();
    } catch {
      return false;
    }
  }

  mode(p: string): number | undefined {
    try {
      return statSync(this.abs(p)).mode & 0o7777;
    } catch {
      return undefined;
    }
  }

  /** Project-relative real path of a file (symlinked folders resolved), or undefined. */
  realPath(p: string): string | undefined {
    try {
      return toPosix(path.relative(realpathSync(this.root), realpathSync(this.abs(p))));
    } catch {
      return undefined;
    }
  }

  /** Symlinked folders that lead back into one of their own ancestors (cut by the walk). */
  symlinkLoops(): string[] {
    this.listing ??= this.walk();
    return [...this.loops];
  }

  /** true when the walk went through a symlink (a file may then be listed under two paths). */
  hasSymlinks(): boolean {
    this.listing ??= this.walk();
    return this.linked;
  }

  list(dir = ''): string[] {
    this.listing ??= this.walk();
    return dir ? pathsUnder(this.listing, dir) : this.listing;
  }

  /**
   * Walks the tree following symlinked folders, so a file reached through a symlinked folder is
   * listed under every path (the graph counts it once by `realPath`). A symlink loop is cut
   * where a folder would contain itself: only the chain of ancestors is checked.
   */
  private walk(): string[] {
    const out: string[] = [];
    const visit = (rel: string, ancestors: Set<string>): void => {
      const abs = this.abs(rel);
      let real: string;
      try {
        real = realpathSync(abs);
      } catch {
        return;
      }
      if (ancestors.has(real)) {
        this.loops.push(rel);
        return;
      }
      const chain = new Set(ancestors).add(real);
      let entries: string[];
      try {
        entries = readdirSync(abs).sort();
      } catch {
        return;
      }
      for (const name of entries) {
        if (IGNORED_DIRS.has(name)) continue;
        const childRel = rel ? `${rel}/${name}` : name;
        const childAbs = this.abs(childRel);
        let st;
        try {
          st = lstatSync(childAbs);
          if (st.isSymbolicLink()) {
            this.linked = true;
            st = statSync(childAbs);
          }
        } catch {
          continue;
        }
        if (st.isDirectory()) visit(childRel, chain);
        else if (st.isFile()) out.push(childRel);
      }
    };
    visit('', new Set());
    return out.sort();
  }
}

export class MemoryWorkspace implements Workspace {
  readonly root: string;
  private readonly files: Map<string, { content: Buffer; mode: number }>;
  /** Sorted paths, kept until a file is added or removed (lists are asked for every step). */
  private sorted?: string[];
  private names?: RequireNameIndex;

  /**
   * `identity`: which file a path is, when the snapshot holds a file reached through a symlinked
   * folder under two paths (the planner passes the real path of each).
   */
  constructor(
    files: Record<string, string | Buffer> = {},
    root = '/memory',
    private readonly identity?: (p: string) => string,
  ) {
    this.root = root;
    this.files = new Map(Object.entries(files).map(([p, c]) => [p, { content: Buffer.isBuffer(c) ? c : Buffer.from(c, 'utf8'), mode: 0o644 }]));
  }

  read(p: string): Buffer | undefined {
    return this.files.get(p)?.content;
  }

  exists(p: string): boolean {
    return this.files.has(p);
  }

  mode(p: string): number | undefined {
    return this.files.get(p)?.mode;
  }

  /** Which file `p` is (its real path in the project the snapshot was taken of). */
  fileIdentity(p: string): string | undefined {
    if (!this.files.has(p)) return undefined;
    return this.identity ? this.identity(p) : p;
  }

  list(dir = ''): string[] {
    this.sorted ??= [...this.files.keys()].sort();
    return pathsUnder(this.sorted, dir);
  }

  /** Sets a file (the planner folds each simulated step into its base this way). */
  set(p: string, content: Buffer, mode = this.files.get(p)?.mode ?? 0o644): void {
    if (!this.files.has(p)) this.sorted = undefined;
    this.files.set(p, { content, mode });
    this.names?.touch(p);
  }

  remove(p: string): void {
    if (this.files.delete(p)) this.sorted = undefined;
    this.names?.touch(p);
  }

  /** Which files require a name (built on first use, then kept up to date by set/remove). */
  requireNames(): RequireNames {
    return (this.names ??= new RequireNameIndex(this.files.keys(), (p) => this.read(p)));
  }

  /** Test helper: every file as text. */
  snapshot(): Record<string, string> {
    return Object.fromEntries([...this.files].map(([p, f]) => [p, f.content.toString('utf8')]));
  }
}
