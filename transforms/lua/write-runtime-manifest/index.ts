// lua/write-runtime-manifest: writes `<runtime.dir>/manifest.json`, the runtime's stable API:
// each runtime module with a semver version, the sha256 of its bytes, its exported names and
// its size. Versions follow the previous manifest: an export removed -> major bump, one added
// -> minor, same API but new bytes -> patch, nothing changed -> same version.
import { z } from 'zod';
import type { Transform } from '../../../src/transform/types.ts';
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import type { Workspace } from '../../../src/files/tree.ts';
import { parseLuaOrThrow } from '../../../src/parse/luaSource.ts';
import { asNode } from '../../../src/parse/luaAst.ts';
import { moduleNameForPath } from '../../../src/graph/resolveRequire.ts';
import { fileSha256 } from '../../../src/hash.ts';
import { manifestPath, readManifest, type ManifestModule, type RuntimeManifest } from '../../../src/graph/runtimeManifest.ts';
import { moduleExports } from '../lib/moduleExports.ts';

const paramsSchema = z.object({}).passthrough();
type Params = z.infer<typeof paramsSchema>;

type Bump = 0 | 1 | 2 | 3; // none, patch, minor, major

export function bumpVersion(v: string, bump: Bump): string {
  const [a, b, c] = v.split('.').map(Number) as [number, number, number];
  if (bump === 3) return `${a + 1}.0.0`;
  if (bump === 2) return `${a}.${b + 1}.0`;
  if (bump === 1) return `${a}.${b}.${c + 1}`;
  return v;
}

export function changeOf(prev: ManifestModule, hash: string, exports: string[]): Bump {
  if (prev.exports.some((e) => !exports.includes(e))) return 3;
  if (exports.some((e) => !prev.exports.includes(e))) return 2;
  return prev.hash === hash ? 0 : 1;
}

/** Exported names per content hash: the manifest is computed again at every step that moves a module. */
const exportsByHash = new Map<string, string[]>();
const EXPORTS_CACHE_MAX = 20_000;

function exportsOf(bytes: Buffer, file: string): string[] {
  const hash = fileSha256(bytes);
  let names = exportsByHash.get(hash);
  if (!names) {
    names = moduleExports(asNode(parseLuaOrThrow(bytes, file, { lean: true }).ast));
    if (exportsByHash.size >= EXPORTS_CACHE_MAX) exportsByHash.clear();
    exportsByHash.set(hash, names);
  }
  return [...names];
}

/** The manifest the runtime folder calls for now, given the previous one. */
export function computeManifest(ws: Workspace, config: ProjectConfig): RuntimeManifest {
  const previous = readManifest(ws, config);
  const previousByName = new Map(previous?.modules.map((m) => [m.name, m]));
  let strongest: Bump = 0;
  const modules: ManifestModule[] = [];
  for (const file of ws.list(config.runtime.dir).filter((p) => p.endsWith('.lua'))) {
    const name = moduleNameForPath(config, file);
    if (!name) continue;
    const bytes = ws.read(file)!;
    const exports = exportsOf(bytes, file);
    const hash = fileSha256(bytes);
    const prev = previousByName.get(name);
    const bump = prev ? changeOf(prev, hash, exports) : 0;
    if (prev && bump > strongest) strongest = bump;
    modules.push({ name, path: file, version: prev ? bumpVersion(prev.version, bump) : config.runtime.version, hash, exports, bytes: bytes.length });
  }
  // A module that disappeared is an API removal for the runtime as a whole.
  const names = new Set(modules.map((m) => m.name));
  if (previous?.modules.some((m) => !names.has(m.name))) strongest = 3;
  const version = previous ? bumpVersion(previous.version, strongest) : config.runtime.version;
  return { version, modules };
}

export const transform: Transform<Params> = {
  id: 'lua/write-runtime-manifest',
  language: 'lua',
  description: 'Writes the runtime manifest: each runtime module with version, hash, exports and size.',
  params: paramsSchema,
  apply(tree, _params, ctx) {
    const manifest = computeManifest(tree, ctx.config);
    tree.write(manifestPath(ctx.config), `${JSON.stringify(manifest, null, 2)}\n`);
    ctx.report(`runtime manifest ${manifest.version}: ${manifest.modules.length} module(s)`);
  },
  // The manifest is generated: the inverse removes it. A previous manifest it replaced is
  // restored by the engine from its recorded pre-image.
  inverse(tree, _params, ctx) {
    if (tree.exists(manifestPath(ctx.config))) tree.delete(manifestPath(ctx.config));
  },
};
