// The disk as one engine run sees it. `apply --all` runs hundreds of steps, and every step's
// transform looks at every Lua file (to find the callers of what it moves): asking the disk
// again each time (walk, stat, read, realpath per file) makes a run quadratic in the project
// size. A session reads each file once, lists the project once, and folds in the changesets
// the engine itself writes, so later steps see what is on disk without asking for it again.
// It is only valid while the engine holds the project lock (nobody else writes meanwhile).
// A project with symlinked folders is read afresh for every step: writing a file there
// changes what other paths show, which a per-path memory would miss.
import type { FileChange, Workspace } from '../files/tree.ts';
import { DiskWorkspace } from './workspace.ts';
import { pathsUnder, sortedIndex } from '../files/sortedPaths.ts';
import { RequireNameIndex, type RequireNames } from '../graph/requireNameIndex.ts';

const GONE = null;
/** The mode a file written without one gets (the journal records the same). */
const DEFAULT_MODE = 0o644;

export class SessionWorkspace implements Workspace {
  private disk: DiskWorkspace;
  private readonly passThrough: boolean;
  /** path -> bytes (read once or written by the engine); null: deleted by the engine. */
  private readonly files = new Map<string, Buffer | null>();
  private readonly modes = new Map<string, number | undefined>();
  private readonly realPaths = new Map<string, string | undefined>();
  private listing?: string[];
  private names?: RequireNameIndex;

  constructor(root: string) {
    this.disk = new DiskWorkspace(root);
    this.passThrough = this.disk.hasSymlinks();
  }

  get root(): string {
    return this.disk.root;
  }

  read(p: string): Buffer | undefined {
    if (this.passThrough) return this.disk.read(p);
    const hit = this.files.get(p);
    if (hit !== undefined) return hit ?? undefined;
    const bytes = this.disk.read(p);
    if (bytes) this.files.set(p, bytes);
    return bytes;
  }

  exists(p: string): boolean {
    if (this.passThrough) return this.disk.exists(p);
    const hit = this.files.get(p);
    if (hit !== undefined) return hit !== GONE;
    return this.disk.exists(p);
  }

  mode(p: string): number | undefined {
    if (this.passThrough) return this.disk.mode(p);
    if (this.files.get(p) === GONE) return undefined;
    if (!this.modes.has(p)) this.modes.set(p, this.disk.mode(p));
    return this.modes.get(p);
  }

  list(dir = ''): string[] {
    if (this.passThrough) return this.disk.list(dir);
    this.listing ??= this.disk.list().slice();
    return pathsUnder(this.listing, dir);
  }

  realPath(p: string): string | undefined {
    if (this.passThrough) return this.disk.realPath(p);
    if (this.files.get(p) === GONE) return undefined;
    if (!this.realPaths.has(p)) this.realPaths.set(p, this.disk.realPath(p));
    return this.realPaths.get(p);
  }

  /** Which files require a name (built on first use, kept up to date by record). */
  requireNames(): RequireNames | undefined {
    if (this.passThrough) return undefined;
    return (this.names ??= new RequireNameIndex(this.list(), (p) => this.read(p)));
  }

  symlinkLoops(): string[] {
    return this.disk.symlinkLoops();
  }

  /** As the disk: a file may be listed under two paths (luaFiles keeps one). */
  hasSymlinks(): boolean {
    return this.disk.hasSymlinks();
  }

  /** Folds a changeset the engine has just written (and sealed) into the session. */
  record(changes: FileChange[]): void {
    if (this.passThrough) {
      this.disk = new DiskWorkspace(this.disk.root);
      return;
    }
    const listing = (this.listing ??= this.disk.list().slice());
    const set = (p: string, bytes: Buffer, mode: number | undefined): void => {
      this.files.set(p, bytes);
      this.modes.set(p, mode ?? DEFAULT_MODE);
      this.realPaths.delete(p);
      const at = sortedIndex(listing, p);
      if (listing[at] !== p) listing.splice(at, 0, p);
    };
    const remove = (p: string): void => {
      this.files.set(p, GONE);
      this.modes.delete(p);
      this.realPaths.delete(p);
      const at = sortedIndex(listing, p);
      if (listing[at] === p) listing.splice(at, 1);
    };
    for (const c of changes) {
      if (this.names) for (const p of c.kind === 'move' ? [c.from, c.to] : [c.path]) this.names.touch(p);
      if (c.kind === 'delete') remove(c.path);
      else if (c.kind === 'move') {
        remove(c.from);
        set(c.to, c.after, c.mode);
      } else set(c.path, c.after, c.mode);
    }
  }
}
