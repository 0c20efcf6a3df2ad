// Which files require a name, kept up to date as files change. Transforms that rename a module
// must edit every file requiring it; asking every file of the project on every step makes a
// migration of n steps O(n x files). A workspace that knows its own changes (the planner's
// in-memory base, the engine's session) keeps one of these and refreshes only changed files.
import { luaFileFacts } from './luaFiles.ts';

export interface RequireNames {
  /** Files (any .lua path) with a require of one of `names`, sorted. */
  filesRequiring(names: Iterable<string>): string[];
}

export class RequireNameIndex implements RequireNames {
  private readonly byName = new Map<string, Set<string>>();
  private readonly namesOf = new Map<string, string[]>();
  private readonly dirty = new Set<string>();

  /** `paths`: every file now; `read`: current bytes of a path (undefined when gone); `isLua`: which paths to index. */
  constructor(
    paths: Iterable<string>,
    private readonly read: (path: string) => Buffer | undefined,
    private readonly isLua: (path: string) => boolean = (p) => p.endsWith('.lua'),
  ) {
    for (const p of paths) this.dirty.add(p);
  }

  /** A path was written, created or removed: looked at again on the next question. */
  touch(path: string): void {
    this.dirty.add(path);
  }

  private refresh(): void {
    for (const p of this.dirty) {
      for (const n of this.namesOf.get(p) ?? []) this.byName.get(n)?.delete(p);
      this.namesOf.delete(p);
      const bytes = this.isLua(p) ? this.read(p) : undefined;
      if (!bytes) continue;
      const names = [...new Set(luaFileFacts(bytes, p).sites.map((s) => s.name))];
      this.namesOf.set(p, names);
      for (const n of names) {
        const set = this.byName.get(n);
        if (set) set.add(p);
        else this.byName.set(n, new Set([p]));
      }
    }
    this.dirty.clear();
  }

  filesRequiring(names: Iterable<string>): string[] {
    this.refresh();
    const out = new Set<string>();
    for (const n of names) for (const p of this.byName.get(n) ?? []) out.add(p);
    return [...out].sort();
  }
}

/** The index a workspace keeps, when it keeps one. */
export function requireIndexOf(ws: object): RequireNames | undefined {
  const fn = (ws as { requireNames?: () => RequireNames | undefined }).requireNames;
  return typeof fn === 'function' ? fn.call(ws) : undefined;
}
