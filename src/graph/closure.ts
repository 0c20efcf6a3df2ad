// The one closure walker: which files a file requires (each require site classified by
// resolveRequire.ts), folded onto real paths so a file reached through a symlinked folder is
// one module, and the two walk orders the toolkit uses (entry first for the codemods,
// dependencies first with cycle reports for the graph and the bundler). A walker holds the
// answers for one workspace state; make a new one after the files change.
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { Workspace } from '../files/tree.ts';
import { luaFileFacts } from './luaFiles.ts';
import type { RequireSite } from './requireSites.ts';
import { contextForFile, contextKey, processContext, RequireResolver, type Resolution, type ResolveContext } from './resolveRequire.ts';

export interface ResolvedSite {
  site: RequireSite;
  resolution: Resolution;
  /** Kind 'project': the file, folded onto its real path (undefined for a link going nowhere). */
  target?: string;
}

type RealPathWs = Workspace & { realPath?(p: string): string | undefined };

/** A file's real project path when it is a link inside the project, else its own path; undefined for a loop or dangling link. */
export function realPathOf(ws: Workspace, file: string): string | undefined {
  const fn = (ws as RealPathWs).realPath;
  return typeof fn === 'function' ? fn.call(ws, file) : file;
}

export class ClosureWalker {
  readonly resolver: RequireResolver;
  private readonly sites = new Map<string, ResolvedSite[]>();

  /** `canonical`: folds a path further (the planner's in-memory snapshot knows its own links). */
  constructor(
    private readonly ws: Workspace,
    private readonly config: ProjectConfig,
    private readonly canonical: (p: string) => string = (p) => p,
    resolver?: RequireResolver,
  ) {
    this.resolver = resolver ?? new RequireResolver(config, ws);
  }

  /** The path a file is known by: its real path when that lies inside the project. */
  pathOf(file: string): string | undefined {
    const real = realPathOf(this.ws, file);
    if (real === undefined) return undefined; // a symlink loop or dangling link
    return this.canonical(real !== file && !real.startsWith('../') ? real : file);
  }

  /** The (folded) file `require(name)` loads in `ctx`; undefined when it is no project file. */
  resolve(name: string, ctx?: ResolveContext): string | undefined {
    const r = this.resolver.resolve(name, ctx);
    return r.kind === 'project' ? this.pathOf(r.path!) : undefined;
  }

  /** Every literal require site of `file`, classified in `ctx` (default: the file's own context). */
  sitesOf(file: string, ctx: ResolveContext = contextForFile(this.config, file)): ResolvedSite[] {
    const key = `${contextKey(ctx)}\0\0${file}`;
    let out = this.sites.get(key);
    if (out) return out;
    out = [];
    const bytes = this.ws.read(file);
    if (bytes) {
      for (const site of luaFileFacts(bytes, file).sites) {
        const resolution = this.resolver.resolve(site.name, ctx);
        const target = resolution.kind === 'project' ? this.pathOf(resolution.path!) : undefined;
        out.push({ site, resolution, ...(target !== undefined ? { target } : {}) });
      }
    }
    this.sites.set(key, out);
    return out;
  }

  /** Files `file` requires (resolved, folded, unique, source order). */
  requiresOf(file: string, ctx?: ResolveContext): string[] {
    const out: string[] = [];
    for (const s of this.sitesOf(file, ctx)) if (s.target !== undefined && !out.includes(s.target)) out.push(s.target);
    return out;
  }

  /** Every require name (resolved or not) in the given files: what a new file could capture. */
  namesRequiredBy(files: string[]): Set<string> {
    const names = new Set<string>();
    for (const f of files) {
      const bytes = this.ws.read(f);
      if (bytes) for (const s of luaFileFacts(bytes, f).sites) names.add(s.name);
    }
    return names;
  }

  /** The path a process's closure starts at (undefined when its entry is missing). */
  entryOf(processName: string): string | undefined {
    const proc = this.config.processes.find((p) => p.name === processName);
    if (!proc || !this.ws.exists(proc.entry)) return undefined;
    return this.pathOf(proc.entry);
  }

  /** A process's closure as files: entry first, then depth-first in require order. */
  closureOf(processName: string): string[] {
    const ctx = processContext(this.config, processName);
    const entry = this.entryOf(processName);
    const seen = new Set<string>();
    const order: string[] = [];
    const stack = entry === undefined ? [] : [entry];
    while (stack.length) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      order.push(file);
      const deps = this.requiresOf(file, ctx);
      for (let i = deps.length - 1; i >= 0; i--) stack.push(deps[i]!);
    }
    return order;
  }
}

/**
 * Post-order depth-first walk from `start` (dependencies first, `start` last; each node once).
 * `depsOf` may be lazy (a generator): each dependency is asked for only when the walk reaches
 * it, so a caller resolving names as it goes meets them in walk order. `onBackEdge(path, dep)`
 * is called for an edge to a node on the current path (a cycle; the edge is not followed).
 * Iterative, so deep require chains cannot overflow the stack.
 */
export function dependenciesFirst<T>(
  start: T,
  depsOf: (node: T) => Iterable<T>,
  onBackEdge?: (path: readonly T[], dep: T) => void,
  done: Set<T> = new Set(),
): T[] {
  const order: T[] = [];
  if (done.has(start)) return order;
  const path: T[] = [start];
  const onPath = new Set<T>([start]);
  const deps: Iterator<T>[] = [depsOf(start)[Symbol.iterator]()];
  while (path.length) {
    const step = deps[deps.length - 1]!.next();
    if (step.done) {
      const node = path.pop()!;
      onPath.delete(node);
      deps.pop();
      done.add(node);
      order.push(node);
      continue;
    }
    const dep = step.value;
    if (onPath.has(dep)) {
      onBackEdge?.(path, dep);
      continue;
    }
    if (done.has(dep)) continue;
    path.push(dep);
    onPath.add(dep);
    deps.push(depsOf(dep)[Symbol.iterator]());
  }
  return order;
}
