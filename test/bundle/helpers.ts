// Shared by the bundler tests: a config + in-memory project, builds, and aos processes booted
// from a build (chunks evaluated in delivery order), plus small Lua-eval helpers.
import { configSchema, type ProjectConfig } from '../../src/config/projectConfig.ts';
import { MemoryWorkspace } from '../../src/stage/workspace.ts';
import { buildProject, type BuildMode, type BuildResult } from '../../src/bundle/index.ts';
import { AosProcess, outputText, type AoResult } from '../../src/verify/aosRuntime.ts';

export function projectConfig(processes: Record<string, string>, extra: Record<string, unknown> = {}): ProjectConfig {
  return configSchema.parse({
    sourceRoot: 'src',
    processes: Object.entries(processes).map(([name, entry]) => ({ name, entry })),
    ...extra,
  });
}

export function build(
  files: Record<string, string | Buffer>,
  processes: Record<string, string>,
  mode: BuildMode,
  opts: { minify?: boolean; config?: Record<string, unknown> } = {},
): BuildResult {
  const config = projectConfig(processes, opts.config);
  return buildProject({ root: '/memory', config }, new MemoryWorkspace(files), mode, { minify: opts.minify });
}

export function fileOf(result: BuildResult, kind: string, process?: string): string {
  const f = result.files.find((x) => x.kind === kind && (process === undefined || x.process === process));
  if (!f) throw new Error(`no ${kind} file${process ? ` for ${process}` : ''} in ${result.files.map((x) => x.path).join(', ')}`);
  return f.content;
}

/** Boots an aos process and evaluates `chunks` in order; a chunk that errors fails the test. */
export async function bootWith(chunks: string[], opts: { tags?: Record<string, string>; name?: string; bootData?: string } = {}): Promise<AosProcess> {
  const { process: proc, result } = await AosProcess.boot({ name: opts.name ?? 'bundle-test', tags: opts.tags, bootData: opts.bootData });
  if (result.Error) throw new Error(`boot failed: ${result.Error}`);
  for (const c of chunks) {
    const r = await proc.eval(c);
    if (r.Error) throw new Error(`chunk failed: ${clean(String(r.Error))}`);
  }
  return proc;
}

export function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*m/g, '').trim();
}

/** Evaluates Lua and returns what it printed / returned, or throws with the error text. */
export async function lua(proc: AosProcess, code: string): Promise<string> {
  const r = await proc.eval(code);
  if (r.Error) throw new Error(clean(String(r.Error)));
  return clean(outputText(r));
}

/** Evaluates Lua expected to fail; returns the error text. */
export async function luaError(proc: AosProcess, code: string): Promise<string> {
  const r: AoResult = await proc.eval(code);
  if (!r.Error) throw new Error(`expected an error, got output: ${outputText(r)}`);
  return clean(String(r.Error));
}

export { AosProcess, outputText };
