// The one reader of the runtime manifest (`<runtime.dir>/manifest.json`, written by the
// lua/write-runtime-manifest transform): the bundler takes runtime module versions, paths and
// hashes from it, the codemods the version range of a federated require. A manifest that is not
// JSON or not of this shape is BUNDLE-003 naming the file, for every reader.
import { z } from 'zod';
import type { ProjectConfig } from '../config/projectConfig.ts';
import { MigrateError } from '../errors.ts';
import type { Workspace } from '../files/tree.ts';

const moduleSchema = z.object({
  name: z.string().min(1),
  path: z.string(),
  version: z.string(),
  hash: z.string(),
  exports: z.array(z.string()),
  bytes: z.number().int().nonnegative(),
});

const manifestSchema = z.object({
  version: z.string(),
  modules: z.array(moduleSchema),
});

export type ManifestModule = z.infer<typeof moduleSchema>;
export type RuntimeManifest = z.infer<typeof manifestSchema>;

export const manifestPath = (config: ProjectConfig): string => `${config.runtime.dir}/manifest.json`;

const HINT = 're-run the codemod that writes the runtime manifest (lua/write-runtime-manifest), or delete the file to use config.runtime.version';

/** The manifest, or undefined when there is none; BUNDLE-003 when it is not a manifest. */
export function readManifest(ws: Workspace, config: ProjectConfig): RuntimeManifest | undefined {
  const file = manifestPath(config);
  const bytes = ws.read(file);
  if (!bytes) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new MigrateError('BUNDLE-003', `${file} is not valid JSON: ${(e as Error).message}`, { location: { file }, hint: HINT });
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new MigrateError('BUNDLE-003', `${file} is not a runtime manifest: ${issues}`, { location: { file }, hint: HINT });
  }
  return parsed.data;
}

/** The caret range a federated require asks for: from the manifest, else the config version. */
export function rangeFor(manifest: RuntimeManifest | undefined, config: ProjectConfig, name: string): string {
  const v = manifest?.modules.find((m) => m.name === name)?.version ?? config.runtime.version;
  const [major, minor] = v.split('.');
  return `^${major}.${minor}.0`;
}
