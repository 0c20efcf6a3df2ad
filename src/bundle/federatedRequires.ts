// Require sites the bundler follows: plain `require("x")` / `require "x"` / `require [[x]]` /
// `pcall(require, "x")`, and the federated `Federation.require("x", "^1.0.0")` /
// `pcall(Federation.require, "x", "^1.0.0")`. The sites come from the canonical front end
// (src/graph/requireSites.ts); this file maps them to the shape the bundler uses.
import type { Chunk } from 'luaparse';
import type { LuaNode } from '../parse/luaAst.ts';
import { findRequires, referencesFederation as mentionsFederation, type RequireSite } from '../graph/requireSites.ts';

export interface BundleRequireSite {
  name: string;
  federated: boolean;
  /** Version range of a federated site ("*" when absent or not a literal). */
  range?: string;
  /** Inside `pcall(...)`: an unresolved name is tolerated (the caller handles the failure). */
  guarded: boolean;
  /** Byte ranges (latin1 text) of the call, the callee and the name literal, for rewrites. */
  callRange: [number, number];
  calleeRange: [number, number];
  literalRange: [number, number];
  line: number;
  column: number;
}

const asChunk = (ast: LuaNode | Chunk): Chunk => ast as unknown as Chunk;

/** Every require site (plain and federated) with a literal name, in source order. */
export function findBundleRequires(ast: LuaNode | Chunk, text?: string): BundleRequireSite[] {
  return toBundleSites(findRequires(asChunk(ast), text).sites);
}

/** The bundler's shape of canonical require sites (e.g. the cached ones of luaFileFacts). */
export function toBundleSites(sites: RequireSite[]): BundleRequireSite[] {
  return sites.map((s) => ({
    name: s.name,
    federated: s.federated,
    ...(s.federated ? { range: s.version ?? '*' } : {}),
    guarded: s.guarded,
    callRange: s.callRange,
    calleeRange: s.calleeRange,
    literalRange: s.literalRange,
    line: s.line,
    column: s.column,
  }));
}

/** Only the `Federation.require` sites. */
export function findFederatedRequires(ast: LuaNode | Chunk): BundleRequireSite[] {
  return findBundleRequires(ast).filter((s) => s.federated);
}

/** true when the file mentions the `Federation` global at all (e.g. the mode-flag line). */
export function referencesFederation(ast: LuaNode | Chunk): boolean {
  return mentionsFederation(asChunk(ast));
}
