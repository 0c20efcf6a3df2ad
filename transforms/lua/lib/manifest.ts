// Reading the runtime manifest (`<runtime.dir>/manifest.json`): the federated version
// range of a runtime module comes from it (`^<major>.<minor>.0`).
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import type { Workspace } from '../../../src/stage/tree.ts';

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

export function readManifest(ws: Workspace, config: ProjectConfig): RuntimeManifest | undefined {
  const bytes = ws.read(manifestPath(config));
  if (!bytes) return undefined;
  try {
    const m = JSON.parse(bytes.toString('utf8')) as RuntimeManifest;
    return Array.isArray(m.modules) ? m : undefined;
  } catch {
    return undefined;
  }
}

/** The caret range a federated require asks for: from the manifest, else the config version. */
export function rangeFor(manifest: RuntimeManifest | undefined, config: ProjectConfig, name: string): string {
  const v = manifest?.modules.find((m) => m.name === name)?.version ?? config.runtime.version;
  const [major, minor] = v.split('.');
  return `^${major}.${minor}.0`;
}
