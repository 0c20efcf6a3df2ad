// A minimal staged Tree used by the TS tests and the TS bench (same contract as the engine's
// createTree in src/stage/stagedTree.ts, which had not landed when this was written: writes
// of the original bytes drop the change; deletes and creates are reported, moves as both).
import type { FileChange, Tree, Workspace } from '../stage/tree.ts';
import { MemoryWorkspace } from '../stage/workspace.ts';

export class OverlayTree implements Tree {
  private readonly staged = new Map<string, Buffer | null>();
  private readonly renames = new Map<string, string>(); // to -> from

  constructor(private readonly base: Workspace) {}

  get root(): string {
    return this.base.root;
  }
  read(p: string): Buffer | undefined {
    if (this.staged.has(p)) return this.staged.get(p) ?? undefined;
    return this.base.read(p);
  }
  readText(p: string): string | undefined {
    return this.read(p)?.toString('utf8');
  }
  exists(p: string): boolean {
    return this.read(p) !== undefined;
  }
  mode(p: string): number | undefined {
    return this.exists(p) ? (this.base.mode(p) ?? 0o644) : undefined;
  }
  list(dir = ''): string[] {
    const prefix = dir ? (dir.endsWith('/') ? dir : `${dir}/`) : '';
    const all = new Set([...this.base.list(dir), ...this.staged.keys()]);
    return [...all].filter((p) => p.startsWith(prefix) && this.exists(p)).sort();
  }
  write(p: string, content: Buffer | string): void {
    const buf = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const orig = this.base.read(p);
    if (orig && orig.equals(buf) && !this.renames.has(p)) this.staged.delete(p);
    else this.staged.set(p, buf);
  }
  delete(p: string): void {
    if (this.base.read(p)) this.staged.set(p, null);
    else this.staged.delete(p);
  }
  rename(from: string, to: string): void {
    const content = this.read(from);
    if (!content) throw new Error(`rename: no ${from}`);
    this.delete(from);
    this.write(to, content);
    const origin = this.renames.get(from) ?? from;
    this.renames.delete(from);
    if (origin !== to) this.renames.set(to, origin);
  }
  changes(): FileChange[] {
    const out: FileChange[] = [];
    for (const [p, after] of this.staged) {
      const before = this.base.read(p);
      if (after === null) out.push({ kind: 'delete', path: p, before: before! });
      else if (before) out.push({ kind: 'update', path: p, before, after });
      else out.push({ kind: 'create', path: p, after });
    }
    return out.sort((a, b) => ('path' in a ? a.path : a.from).localeCompare('path' in b ? b.path : b.from));
  }
  /** Every file after the staged writes, as bytes (for comparing trees). */
  snapshot(): Map<string, Buffer> {
    return new Map(this.list().map((p) => [p, this.read(p)!]));
  }
}

/** A fresh memory workspace holding `files` (bytes kept exactly). */
export function treeOf(files: Record<string, string | Buffer>): OverlayTree {
  return new OverlayTree(new MemoryWorkspace(files));
}

/** The tree's current files as a workspace, so a next step starts from them. */
export function commit(tree: OverlayTree): OverlayTree {
  return new OverlayTree(new MemoryWorkspace(Object.fromEntries(tree.snapshot())));
}
