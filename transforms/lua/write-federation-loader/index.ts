// lua/write-federation-loader: writes the federation loader into the runtime folder as the
// module `<namespace>.ao_federate` (src/bundle/lua/federation.lua, byte for byte), so migrated
// sources reach the loader by `require` and run with plain Lua and the project's own
// package.path (busted, amalg, aos `.load`): no global the toolkit must inject first. Bundles
// never pack this file (they carry the loader themselves, docs/bundle.md). Inverse: deletes it.
import { z } from 'zod';
import { MigrateError } from '../../../src/errors.ts';
import type { Transform } from '../../../src/transform/types.ts';
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import { federationLoader, loaderModuleName } from '../../../src/bundle/loaderModule.ts';
import { pathForModule } from '../lib/luaProject.ts';

const paramsSchema = z.object({});
type Params = z.infer<typeof paramsSchema>;

/** Where the loader module lives: the file its require name resolves to under the source root. */
export const loaderModulePath = (config: ProjectConfig): string => pathForModule(config, loaderModuleName(config));

const loaderBytes = (): Buffer => Buffer.from(federationLoader(), 'latin1');

export const transform: Transform<Params> = {
  id: 'lua/write-federation-loader',
  language: 'lua',
  description: 'Writes the federation loader into the runtime folder as a module the migrated sources require.',
  params: paramsSchema,
  apply(tree, _params, ctx) {
    const file = loaderModulePath(ctx.config);
    const have = tree.read(file);
    if (have?.equals(loaderBytes())) return;
    if (have) {
      throw new MigrateError('PLAN-226', `${file} exists and is not the federation loader`, {
        location: { file },
        hint: `the name '${loaderModuleName(ctx.config)}' is reserved for the loader: rename that module, or set runtime.namespace in migrate.config.json`,
      });
    }
    tree.write(file, loaderBytes());
    ctx.report(`loader module written to ${file}`);
  },
  inverse(tree, _params, ctx) {
    const file = loaderModulePath(ctx.config);
    if (tree.read(file)?.equals(loaderBytes())) tree.delete(file);
  },
};
