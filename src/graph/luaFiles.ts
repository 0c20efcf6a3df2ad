// Which files are Lua sources of a project (under sourceRoot, not excluded, not build output),
// glob matching for config.exclude, and the content-hash parse cache shared by the graph, the
// audit, the bundler and the codemods (graphs are rebuilt after every staged step).
import { fileSha256 } from '../hash.ts';
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { Workspace } from '../stage/tree.ts';
import { parseLua, type ParsedLua } from '../parse/luaSource.ts';
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

const excludeCache = new WeakMap<ProjectConfig, RegExp[]>();

export function isExcluded(config: ProjectConfig, file: string): boolean {
  let res = excludeCache.get(config);
  if (!res) excludeCache.set(config, (res = config.exclude.map(globToRegExp)));
  return res.some((r) => r.test(file)) || file.startsWith(`${config.buildDir}/`);
}

/** Lua sources under sourceRoot ('.' or '' means the project root), sorted. */
export function listLuaFiles(config: ProjectConfig, ws: Workspace): string[] {
  const root = normaliseRoot(config.sourceRoot);
  return ws.list(root).filter((p) => p.endsWith('.lua') && !isExcluded(config, p));
}

export const normaliseRoot = (r: string): string => (r === '.' || r === './' ? '' : r.replace(/\/+$/, ''));

/**
 * Everything the graph and the audit need from one file's bytes, computed once per content.
 * The tree is parsed without `locations` (see LUAPARSE_LEAN_OPTIONS): use lineLocator for lines.
 */
export interface LuaFileFacts {
  parsed: ParsedLua;
  sites: RequireSite[];
  dynamic: DynamicRequireSite[];
  functions: number;
  lines: number;
  usesFederation: boolean;
  /** sha256 hex of the bytes. */
  hash: string;
}

const cache = new Map<string, LuaFileFacts>();
const CACHE_LIMIT = 20_000;


export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

/** The same Buffer object (a staged or in-memory tree hands out the one it holds) skips hashing. */
const byBuffer = new WeakMap<Buffer, LuaFileFacts>();

/** Parse + require sites + counts, cached by content hash (the file name is re-attached). */
export function luaFileFacts(bytes: Buffer, file: string): LuaFileFacts {
  const known = byBuffer.get(bytes);
  if (known && cache.get(known.hash) === known) return known.parsed.file === file ? known : { ...known, parsed: { ...known.parsed, file } };
  const hash = fileSha256(bytes);
  const hit = cache.get(hash);
  if (hit) byBuffer.set(bytes, hit);
  if (hit) return hit.parsed.file === file ? hit : { ...hit, parsed: { ...hit.parsed, file } };
  const parsed = parseLua(bytes, file, { lean: true });
  let functions = 0;
  let sites: RequireSite[] = [];
  let dynamic: DynamicRequireSite[] = [];
  let usesFederation = false;
  if (parsed.ast) {
    ({ sites, dynamic, functions, usesFederation } = scanLua(parsed.ast, parsed.text));
  }
  const facts: LuaFileFacts = { parsed, sites, dynamic, functions, lines: countLines(parsed.text), usesFederation, hash };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(hash, facts);
  byBuffer.set(bytes, facts);
  return facts;
}

export function clearParseCache(): void {
  cache.clear();
}
