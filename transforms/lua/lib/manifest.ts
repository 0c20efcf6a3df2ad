// Reading the runtime manifest (`<runtime.dir>/manifest.json`): the federated version
// range of a runtime module comes from it (`^<major>.<minor>.0`).
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import type { Workspace } from '../../../src/stage/tree.ts';
import { deepFreeze } from '../../../src/deepFreeze.ts';

export interface ManifestModule {
  name: string;
  path: string;
  version: string;
  hash: string;
  exports: string[];
  bytes: number;
}
export interface RuntimeManifest {
  version: string;
  modules: ManifestModule[];
}

export const manifestPath = (config: ProjectConfig): string => `${config.runtime.dir}/manifest.json`;

/** Parsed manifests per Buffer (every step of a plan reads the same bytes), frozen: they are shared. */
const parsed = new WeakMap<Buffer, RuntimeManifest | null>();
const byName = new WeakMap<RuntimeManifest, Map<string, ManifestModule>>();

export function readManifest(ws: Workspace, config: ProjectConfig): RuntimeManifest | undefined {
  const bytes = ws.read(manifestPath(config));
  if (!bytes) return undefined;
  let m = parsed.get(bytes);
  if (m === undefined) {
    try {
      const raw = JSON.parse(bytes.toString('utf8')) as RuntimeManifest;
      m = Array.isArray(raw.modules) ? deepFreeze(raw) : null;
    } catch {
      m = null;
    }
    parsed.set(bytes, m);
  }
  return m ?? undefined;
}

/** The caret range a federated require asks for: from the manifest, else the config version. */
export function rangeFor(manifest: RuntimeManifest | undefined, config: ProjectConfig, name: string): string {
  let index = manifest && byName.get(manifest);
  if (manifest && !index) byName.set(manifest, (index = new Map(manifest.modules.map((m) => [m.name, m]))));
  const v = index?.get(name)?.version ?? config.runtime.version;
  const [major, minor] = v.split('.');
  return `^${major}.${minor}.0`;
}
