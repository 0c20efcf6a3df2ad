// Source roots for detection, per process: each entry's closure is walked with each candidate
// root (the entry's own folders, the folders the project's build config names, '.'), and the
// root that resolves the most of its require sites wins. A monorepo of packages, each with its
// own `src/`, gets one root per package this way. This is a small resolver local to detection
// (module file lookup with package.path patterns, by folder): the project's require graph
// (src/graph/requireGraph.ts) resolves per-process roots once a config names them.
import path from 'node:path';
import type { LuaFileFacts } from '../luaFiles.ts';

export type UnresolvedReason = 'aos builtin' | 'standard library' | 'optional' | 'external' | 'missing file' | 'other root';

export interface SiteVerdict {
  file: string;
  line: number;
  name: string;
  /** The file it resolves to, or why it does not. */
  target?: string;
  reason?: UnresolvedReason;
  /** For 'other root' / 'missing file': what was found. */
  detail?: string;
  /** Resolved through a name a file declares for itself (detect/apmPackages.ts), not the patterns. */
  declared?: true;
}

export interface ResolverInput {
  /** Lua files that can serve as modules (every source folder; no build output or bundles). */
  files: Set<string>;
  /** Every Lua file, build output included: to say where an unresolved name does exist. */
  allFiles: Set<string>;
  patterns: string[];
  facts: (file: string) => LuaFileFacts | undefined;
  isBuiltin: (name: string) => boolean;
  /** Require names a project file declares for itself (APM packages, detect/apmPackages.ts): name -> file. */
  packages?: ReadonlyMap<string, string>;
}

const STANDARD = new Set(['string', 'table', 'math', 'io', 'os', 'coroutine', 'utf8', 'debug', 'package', 'bit32', '_G']);

/** Project-relative files a name may map to under a root, in pattern order. */
function candidatesFor(root: string, name: string, patterns: string[]): string[] {
  const stem = name.split('.').join('/');
  return patterns.map((p) => path.posix.normalize(path.posix.join(root, p.replace('?', stem))));
}

/** Resolves a name from a root, else a name a file declares for itself (any root); a leading-dot name (`.src.utils`, aos style) resolves without its dot. */
export function resolveFrom(input: ResolverInput, root: string, name: string): string | undefined {
  return spelledFrom(input, root, name) ?? input.packages?.get(name);
}

/** The file the patterns spell for a name from a root (no declared names). */
function spelledFrom(input: ResolverInput, root: string, name: string): string | undefined {
  const bare = name.replace(/^\.+/, '');
  if (!bare || bare.includes('/') || bare.includes('..') || bare.endsWith('.')) return undefined;
  return candidatesFor(root, bare, input.patterns).find((f) => input.files.has(f));
}

/** The closure of an entry from a root: every literal require site reached, with its verdict. */
export function walkClosure(input: ResolverInput, entry: string, root: string): SiteVerdict[] {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  const verdicts: SiteVerdict[] = [];
  while (queue.length) {
    const file = queue.shift()!;
    for (const site of input.facts(file)?.sites ?? []) {
      const v: SiteVerdict = { file, line: site.line, name: site.name };
      v.target = spelledFrom(input, root, site.name);
      // A declared name never shadows what aos or Lua answer (`.crypto.init`, `json`).
      if (!v.target && input.packages?.has(site.name) && !STANDARD.has(site.name) && !input.isBuiltin(site.name))
        Object.assign(v, { target: input.packages.get(site.name), declared: true });
      if (!v.target)
        Object.assign(
          v,
          site.guarded && !STANDARD.has(site.name) && !input.isBuiltin(site.name)
            ? { reason: 'optional', detail: 'pcall: the code handles its absence' }
            : classify(input, site.name),
        );
      verdicts.push(v);
      if (v.target && !seen.has(v.target)) {
        seen.add(v.target);
        queue.push(v.target);
      }
    }
  }
  return verdicts;
}

/** Why a name does not resolve from the chosen root. */
function classify(input: ResolverInput, name: string): Pick<SiteVerdict, 'reason' | 'detail'> {
  if (STANDARD.has(name)) return { reason: 'standard library' };
  if (input.isBuiltin(name)) return { reason: 'aos builtin' };
  const stem = name.replace(/^\.+/, '').split('.').join('/');
  const elsewhere = [...input.files].find((f) => input.patterns.some((p) => f.endsWith(`/${p.replace('?', stem)}`) || f === p.replace('?', stem)));
  if (elsewhere) return { reason: 'other root', detail: elsewhere };
  const built = [...input.allFiles].find(
    (f) => !input.files.has(f) && input.patterns.some((p) => f.endsWith(`/${p.replace('?', stem)}`) || f === p.replace('?', stem)),
  );
  if (built) return { reason: 'external', detail: `only build output or a bundle provides it (${built}), no source file` };
  const first = stem.split('/')[0]!;
  const folderExists = [...input.files].some((f) => f.split('/').includes(first));
  if (folderExists && stem.includes('/')) return { reason: 'missing file', detail: `no ${stem}.lua` };
  return {
    reason: 'external',
    detail: name.startsWith('@') ? 'an APM package, installed in the process' : 'no project file provides it (a luarocks or aos module?)',
  };
}

export interface RootChoice {
  root: string;
  verdicts: SiteVerdict[];
  resolved: number;
}

/** Folders an entry's modules may resolve from: its own folders up to '.', plus the given hint roots. */
export function candidateRoots(entry: string, hintRoots: string[]): string[] {
  const parts = entry.split('/').slice(0, -1);
  const own = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  return [...new Set(['.', ...own, ...hintRoots])];
}

/** The closure of an entry from each candidate root, best first (most resolved; ties: the preferred order given). */
export function rankRoots(input: ResolverInput, entry: string, roots: string[]): RootChoice[] {
  const choices = roots.map((root) => {
    const verdicts = walkClosure(input, entry, root);
    return { root, verdicts, resolved: verdicts.filter((v) => v.target).length };
  });
  return choices
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.resolved - a.c.resolved || a.i - b.i)
    .map((x) => x.c);
}
