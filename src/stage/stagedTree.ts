// The engine's staged Tree: an in-memory overlay of writes, deletes, renames and modes over a
// Workspace. Nothing touches disk. changes() compares the overlay with the base, so writing
// the original bytes back drops the change, and a rename is reported as one move.
import type { FileChange, Tree, Workspace } from '../files/tree.ts';
import { projectPath as normalise } from '../files/projectPath.ts';
import { requireIndexOf, type RequireNames } from '../graph/requireNameIndex.ts';
import { luaFileFacts } from '../graph/luaFiles.ts';

export class StagedTree implements Tree {
  /** path -> staged content; null = deleted. */
  private readonly staged = new Map<string, Buffer | null>();
  private readonly modes = new Map<string, number>();
  /** destination -> original path in the base, for renames not yet undone. */
  private readonly movedFrom = new Map<string, string>();

  constructor(private readonly base: Workspace) {}

  get root(): string {
    return this.base.root;
  }

  read(p: string): Buffer | undefined {
    const path = normalise(p);
    if (this.staged.has(path)) return this.staged.get(path) ?? undefined;
    return this.base.read(path);
  }

  readText(p: string): string | undefined {
    return this.read(p)?.toString('utf8');
  }

  exists(p: string): boolean {
    const path = normalise(p);
    if (this.staged.has(path)) return this.staged.get(path) !== null;
    return this.base.exists(path);
  }

  mode(p: string): number | undefined {
    const path = normalise(p);
    if (!this.exists(path)) return undefined;
    return this.modes.get(path) ?? this.base.mode(path) ?? 0o644;
  }

  list(dir = ''): string[] {
    const prefix = dir ? (dir.endsWith('/') ? dir : `${dir}/`) : '';
    if (this.staged.size === 0) return this.base.list(dir);
    const all = new Set(this.base.list(dir));
    for (const [p, c] of this.staged) {
      if (!p.startsWith(prefix)) continue;
      if (c === null) all.delete(p);
      else all.add(p);
    }
    return [...all].sort();
  }

  /**
   * Which file a path is: the base's answer (its real path through symlinked folders, or the
   * planner snapshot's canonical path), except for a path this overlay wrote, which is its own.
   */
  fileIdentity(p: string): string | undefined {
    const path = normalise(p);
    if (this.staged.has(path)) return this.staged.get(path) === null ? undefined : path;
    const b = this.base as Workspace & { fileIdentity?: (p: string) => string | undefined; realPath?: (p: string) => string | undefined };
    if (typeof b.fileIdentity === 'function') return b.fileIdentity(path);
    return typeof b.realPath === 'function' ? b.realPath(path) : path;
  }

  /** The base's require index with this overlay's staged files folded in (when the base keeps one). */
  requireNames(): RequireNames | undefined {
    const base = requireIndexOf(this.base);
    if (!base) return undefined;
    return {
      filesRequiring: (names) => {
        const wanted = new Set(names);
        const out = new Set(base.filesRequiring(wanted));
        for (const [p, content] of this.staged) {
          out.delete(p);
          if (content && p.endsWith('.lua') && luaFileFacts(content, p).sites.some((s) => wanted.has(s.name))) out.add(p);
        }
        return [...out].sort();
      },
    };
  }

  write(p: string, content: Buffer | string): void {
    const path = normalise(p);
    this.staged.set(path, Buffer.isBuffer(content) ? Buffer.from(content) : Buffer.from(content, 'utf8'));
  }

  /** Sets the file mode (permission bits) of an existing or staged file. */
  setMode(p: string, mode: number): void {
    const path = normalise(p);
    if (!this.exists(path)) throw new Error(`setMode: ${path} does not exist`);
    this.modes.set(path, mode & 0o7777);
  }

  delete(p: string): void {
    const path = normalise(p);
    this.staged.set(path, null);
    this.modes.delete(path);
    this.movedFrom.delete(path);
  }

  rename(from: string, to: string): void {
    const src = normalise(from);
    const dst = normalise(to);
    if (src === dst) return;
    const content = this.read(src);
    if (content === undefined) throw new Error(`rename: ${src} does not exist`);
    const mode = this.mode(src);
    const origin = this.movedFrom.get(src) ?? (this.base.exists(src) && !this.staged.has(src) ? src : undefined);
    this.delete(src);
    this.staged.set(dst, content);
    if (mode !== undefined) this.modes.set(dst, mode);
    this.movedFrom.delete(dst);
    if (origin !== undefined && origin !== dst) this.movedFrom.set(dst, origin);
  }

  changes(): FileChange[] {
    const out: FileChange[] = [];
    const consumed = new Set<string>();
    // Renames first: a base file that is gone, whose bytes now live at a path new to the base.
    for (const [to, from] of this.movedFrom) {
      const after = this.staged.get(to);
      const before = this.base.read(from);
      if (!after || !before || this.exists(from) || this.base.exists(to)) continue;
      out.push({ kind: 'move', from, to, before, after, mode: this.mode(to) });
      consumed.add(from).add(to);
    }
    const paths = new Set([...this.staged.keys(), ...this.modes.keys()]);
    for (const path of paths) {
      if (consumed.has(path)) continue;
      const inBase = this.base.exists(path);
      const before = inBase ? this.base.read(path) : undefined;
      const after = this.read(path);
      if (before === undefined && after === undefined) continue;
      if (before === undefined) out.push({ kind: 'create', path, after: after!, mode: this.modes.get(path) });
      else if (after === undefined) out.push({ kind: 'delete', path, before, mode: this.base.mode(path) });
      else {
        const mode = this.mode(path);
        if (before.equals(after) && mode === this.base.mode(path)) continue;
        out.push({ kind: 'update', path, before, after, mode });
      }
    }
    const key = (c: FileChange): string => (c.kind === 'move' ? c.from : c.path);
    return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
}

export function createTree(ws: Workspace): StagedTree {
  return new StagedTree(ws);
}
