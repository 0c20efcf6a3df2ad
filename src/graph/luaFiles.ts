// Which files are Lua sources of a project (under sourceRoot, not excluded, not build output),
// glob matching for config.exclude, and the content-hash parse cache shared by the graph, the
// audit, the bundler and the codemods (graphs are rebuilt after every staged step).
import { fileSha256 } from '../hash.ts';
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { Workspace } from '../files/tree.ts';
import { applyTextEdits, decodeLua, LUAPARSE_LEAN_OPTIONS, parseLua, parseLuaText, type LuaParseError, type ParsedLua } from '../parse/luaSource.ts';
import { lineLocator } from '../parse/luaAst.ts';
import type { TextEdit } from '../parse/textEdit.ts';
import type { Chunk } from 'luaparse';
import { scanLua, type DynamicRequireSite, type RequireSite } from './requireSites.ts';

export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split(/(\*\*\/|\*\*|\*|\?)/)
    .map((part) =>
      part === '**/' ? '(?:.*/)?' : part === '**' ? '.*' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${body}$`);
}

// Compiled exclude globs per config object: a config is parsed once per command and never
// mutated, so this derived data cannot go stale; the WeakMap lets it die with the config.
const excludeCache = new WeakMap<ProjectConfig, RegExp[]>();

export function isExcluded(config: ProjectConfig, file: string): boolean {
  let res = excludeCache.get(config);
  if (!res) excludeCache.set(config, (res = config.exclude.map(globToRegExp)));
  return res.some((r) => r.test(file)) || file.startsWith(`${config.buildDir}/`);
}

/** Lua sources under sourceRoot and each process's own sourceRoot ('.' or '' means the project root), sorted. */
export function listLuaFiles(config: ProjectConfig, ws: Workspace): string[] {
  const outer = sourceRoots(config);
  const files = outer.flatMap((root) => ws.list(root).filter((p) => p.endsWith('.lua') && !isExcluded(config, p)));
  return outer.length === 1 ? files : [...new Set(files)].sort();
}

/** The top-level sourceRoot and each process's own (normalised), minus those inside another. */
export function sourceRoots(config: ProjectConfig): string[] {
  const roots = [...new Set([config.sourceRoot, ...config.processes.flatMap((p) => (p.sourceRoot ? [p.sourceRoot] : []))].map(normaliseRoot))];
  return roots.filter((r) => !roots.some((o) => o !== r && (o === '' || r.startsWith(`${o}/`))));
}

export const normaliseRoot = (r: string): string => (r === '.' || r === './' ? '' : r.replace(/\/+$/, ''));

/**
 * Everything the graph and the audit need from one file's bytes, computed once per content.
 * The tree is parsed without `locations` (see LUAPARSE_LEAN_OPTIONS): use lineLocator for lines.
 * Only `parsed.ast` is expensive (about 25 bytes of heap per byte of Lua): trees are kept only
 * within MIGRATE_AST_CACHE_MB of source (default 0: none) and parsed again when asked for, so
 * reach for `parsed` only when the tree is needed (text, error, sites and counts are kept), and
 * once per use (each access may parse). luaFileFactsWithTree hands out the facts' own parse.
 */
export interface LuaFileFacts {
  readonly parsed: ParsedLua;
  /** latin1 text without the BOM (offsets of sites and edits are into this). */
  readonly text: string;
  readonly bom: boolean;
  readonly utf8: boolean;
  readonly error?: LuaParseError;
  readonly sites: RequireSite[];
  readonly dynamic: DynamicRequireSite[];
  readonly functions: number;
  readonly lines: number;
  readonly usesFederation: boolean;
  /** sha256 hex of the bytes. */
  readonly hash: string;
}

export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

/** Facts without the tree, per content hash (small: kept for many versions of every file). */
type FactsCore = Omit<LuaFileFacts, 'parsed'>;

const FACTS_LIMIT_BYTES = 512 * 2 ** 20;

/**
 * The parse memo: facts per content hash (bounded by bytes of source), trees within
 * `treeLimitBytes` (least recently used first). Everything in it is a pure function of the
 * bytes, so one instance can serve any number of runs: see sharedLuaFacts.
 */
export class LuaFactsCache {
  private readonly facts = new Map<string, FactsCore>();
  private factsBytes = 0;
  /** Parsed trees by content hash, least recently used first; bounded by the bytes parsed. */
  private readonly trees = new Map<string, Chunk>();
  private treeBytes = 0;
  /** The last view handed out per facts (callers ask for the same file over and over). */
  private readonly lastView = new WeakMap<FactsCore, { file: string; view: LuaFileFacts }>();
  /** The same Buffer object (a staged or in-memory tree hands out the one it holds) skips hashing. */
  private readonly byBuffer = new WeakMap<Buffer, FactsCore>();

  // Default 0: keeping trees costs more than parsing them again. A kept tree lives long enough
  // to be promoted to the old generation and is garbage there once evicted; on the 30x bench
  // corpus planning took 11.8-13.6 s with 8 MB of trees kept, 8.1-8.4 s with none (and even
  // 0.25 MB cost 11.4 s), the example no slower.
  constructor(private treeLimitBytes = 0) {}

  /** Bytes of Lua whose trees are kept now. */
  treeCacheBytes(): number {
    return this.treeBytes;
  }

  private evictTrees(): void {
    for (const hash of this.trees.keys()) {
      if (this.treeBytes <= this.treeLimitBytes) break;
      this.trees.delete(hash);
      this.treeBytes -= this.facts.get(hash)?.text.length ?? 0;
    }
  }

  private rememberTree(core: FactsCore, ast: Chunk): void {
    this.trees.set(core.hash, ast);
    this.treeBytes += core.text.length;
    this.evictTrees();
  }

  private treeOf(core: FactsCore): Chunk | undefined {
    if (core.error) return undefined;
    const hit = this.trees.get(core.hash);
    if (hit) {
      this.trees.delete(core.hash); // most recently used goes last
      this.trees.set(core.hash, hit);
      return hit;
    }
    const { ast } = parseLuaText(core.text, LUAPARSE_LEAN_OPTIONS);
    if (ast) this.rememberTree(core, ast);
    return ast;
  }

  /** The kept facts with the file name re-attached; the tree is looked up only when asked for. */
  private factsView(core: FactsCore, file: string): LuaFileFacts {
    const treeOf = (c: FactsCore) => this.treeOf(c);
    return {
      ...core,
      get parsed(): ParsedLua {
        const ast = treeOf(core);
        const { text, bom, utf8, error } = core;
        return { file, text, bom, utf8, ...(ast ? { ast } : {}), ...(error ? { error } : {}) };
      },
    };
  }

  private computeFacts(bytes: Buffer, file: string, hash: string): { core: FactsCore; ast?: Chunk } {
    const parsed = parseLua(bytes, file, { lean: true });
    let functions = 0;
    let sites: RequireSite[] = [];
    let dynamic: DynamicRequireSite[] = [];
    let usesFederation = false;
    if (parsed.ast) ({ sites, dynamic, functions, usesFederation } = scanLua(parsed.ast, parsed.text));
    const { text, bom, utf8, error } = parsed;
    const core: FactsCore = { text, bom, utf8, ...(error ? { error } : {}), sites, dynamic, functions, lines: countLines(text), usesFederation, hash };
    this.keep(core);
    if (parsed.ast) this.rememberTree(core, parsed.ast);
    return { core, ...(parsed.ast ? { ast: parsed.ast } : {}) };
  }

  private keep(core: FactsCore): void {
    this.facts.set(core.hash, core);
    this.factsBytes += core.text.length;
    for (const [h, old] of this.facts) {
      if (this.factsBytes <= FACTS_LIMIT_BYTES) break;
      this.facts.delete(h);
      this.factsBytes -= old.text.length;
      if (this.trees.delete(h)) this.treeBytes -= old.text.length;
    }
  }

  /** See luaFileFactsWithTree. */
  withTree(bytes: Buffer, file: string, wantTree = true): { facts: LuaFileFacts; ast?: Chunk } {
    let core = this.byBuffer.get(bytes);
    let ast: Chunk | undefined;
    if (!core || this.facts.get(core.hash) !== core) {
      const hash = fileSha256(bytes);
      core = this.facts.get(hash);
      if (!core) ({ core, ast } = this.computeFacts(bytes, file, hash));
      this.byBuffer.set(bytes, core);
    }
    if (wantTree && !ast) ast = this.treeOf(core);
    const last = this.lastView.get(core);
    if (last?.file === file) return { facts: last.view, ...(ast ? { ast } : {}) };
    const view = this.factsView(core, file);
    this.lastView.set(core, { file, view });
    return { facts: view, ...(ast ? { ast } : {}) };
  }

  /** Remembers facts known without parsing (another thread's parse, a rename's derivation). */
  remember(bytes: Buffer, known: FactsCore): void {
    const existing = this.facts.get(known.hash);
    if (existing) return void this.byBuffer.set(bytes, existing);
    const core: FactsCore = { ...known };
    this.keep(core);
    this.byBuffer.set(bytes, core);
  }

  has(hash: string): boolean {
    return this.facts.has(hash);
  }

  /** Forgets everything (a benchmark measuring cold parses). */
  clear(): void {
    this.facts.clear();
    this.trees.clear();
    this.factsBytes = 0;
    this.treeBytes = 0;
  }
}

/**
 * The memo every caller shares unless it passes its own. Module-level on purpose: it maps a
 * content hash to what parsing those bytes gives, which never goes stale, and it is bounded
 * (512 MB of facts; trees within MIGRATE_AST_CACHE_MB, default none). Sharing it is what lets
 * the graph, the audit, the bundler and the planner of one run (and an engine session's steps)
 * parse each content once. Tests that look at the cache itself make their own LuaFactsCache.
 */
export const sharedLuaFacts = new LuaFactsCache(Number(process.env.MIGRATE_AST_CACHE_MB ?? 0) * 2 ** 20);

/** Parse + require sites + counts, cached by content hash (the file name is re-attached). */
export function luaFileFacts(bytes: Buffer, file: string, cache: LuaFactsCache = sharedLuaFacts): LuaFileFacts {
  return cache.withTree(bytes, file, false).facts;
}

/**
 * luaFileFacts plus the tree, for a caller that needs both once (the audit): the tree of the
 * parse that computed the facts, or (facts known already) a tree from the cache or a new parse.
 * `wantTree` false: the facts alone (no parse when they are known).
 */
export function luaFileFactsWithTree(
  bytes: Buffer,
  file: string,
  wantTree = true,
  cache: LuaFactsCache = sharedLuaFacts,
): { facts: LuaFileFacts; ast?: Chunk } {
  return cache.withTree(bytes, file, wantTree);
}

/**
 * Remembers facts computed elsewhere (an audit worker thread parsed the file): the tree is
 * parsed here only if someone asks for it.
 */
export function rememberLuaFileFacts(bytes: Buffer, known: Omit<LuaFileFacts, 'parsed'>, cache: LuaFactsCache = sharedLuaFacts): void {
  cache.remember(bytes, known);
}

/** A name a rename can write into any literal form without escaping (no quote, bracket, backslash, newline). */
const PLAIN_NAME = /^[A-Za-z0-9_.\-/]+$/;

/**
 * Remembers the facts of `after`, which is `before` with some require sites' names replaced
 * (`edits`, each exactly one site's nameRange), without parsing it: the sites keep their form
 * and order, their offsets move by the edits' length changes and positions come from the new
 * text. Renames are most of the files a migration step rewrites, so the planner and apply would
 * otherwise parse every rewritten file again. Returns false (and remembers nothing; the facts
 * are then computed by a parse when asked for) unless every edit is such a plain rename and no
 * edit lies inside a dynamic require's argument (whose text would change).
 */
export function rememberRenamedFacts(before: Buffer, file: string, after: Buffer, edits: readonly TextEdit[], cache: LuaFactsCache = sharedLuaFacts): boolean {
  const old = luaFileFacts(before, file, cache);
  if (old.error || edits.length === 0) return false;
  const renamed = new Map<number, string>();
  for (const e of edits) {
    const i = old.sites.findIndex((st) => st.nameRange[0] === e.start && st.nameRange[1] === e.end);
    const site = old.sites[i];
    if (!site || renamed.has(i) || !PLAIN_NAME.test(e.text) || old.text.slice(e.start, e.end) !== site.name) return false;
    if (old.dynamic.some((d) => d.callRange[0] <= e.start && e.end <= d.callRange[1])) return false;
    renamed.set(i, e.text);
  }
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  // An offset at or after an edit's end moves by the edits' length changes up to it.
  const shift = (x: number): number => {
    let d = 0;
    for (const e of sorted) if (e.end <= x) d += e.text.length - (e.end - e.start);
    return x + d;
  };
  const move = (r: [number, number]): [number, number] => [shift(r[0]), shift(r[1])];
  const text = applyTextEdits(old.text, sorted);
  if (decodeLua(after).text !== text) return false; // not these edits' result
  const locate = lineLocator(text);
  const sites = old.sites.map((st, i): RequireSite => {
    const literalRange = move(st.literalRange);
    const callRange = move(st.callRange);
    return {
      ...st,
      name: renamed.get(i) ?? st.name,
      literalRange,
      callRange,
      raw: text.slice(literalRange[0], literalRange[1]),
      ...locate(callRange[0]),
      calleeRange: move(st.calleeRange),
      nameRange: move(st.nameRange),
      ...(st.versionRange ? { versionRange: move(st.versionRange) } : {}),
    };
  });
  const dynamic = old.dynamic.map((d): DynamicRequireSite => {
    const callRange = move(d.callRange);
    return { ...d, callRange, ...locate(callRange[0]) };
  });
  const hash = fileSha256(after);
  if (cache.has(hash)) return true;
  const { bom, utf8, functions, lines, usesFederation } = old;
  cache.remember(after, { text, bom, utf8, sites, dynamic, functions, lines, usesFederation, hash });
  return true;
}

/** Empties the shared memo (a benchmark measuring cold parses; a test of code that shares it). */
export function clearParseCache(): void {
  sharedLuaFacts.clear();
}
