// Config and fixture shape for the Lua transforms' fixtures: a fixture carries the config it
// runs under (processes `ao-processes/<name>/main.lua`, runtime `ao-processes/runtime`).
import { configSchema, type ProjectConfig } from '../../src/config/projectConfig.ts';

export interface LuaFixture {
  name: string;
  config: ProjectConfig;
  files: Record<string, string>;
  params: unknown;
}

export function fixtureConfig(processes: string[], extra: Record<string, unknown> = {}): ProjectConfig {
  return configSchema.parse({
    sourceRoot: 'ao-processes',
    processes: processes.map((name) => ({ name, entry: `ao-processes/${name}/main.lua` })),
    ...extra,
  });
}
