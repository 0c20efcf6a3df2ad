// A generated module graph turned into a project: a config with two processes whose entries
// require parts of the graph, the module files under the source root, and (optionally) an
// exact copy of one module under a per-process folder so merge-exact-copies has work to do.
import fc from 'fast-check';
import { configSchema, type ProjectConfig } from '../../src/config/projectConfig.ts';
import {
  moduleGraph,
  moduleSource,
  modulePath,
  renderFile,
  fileShape,
  requireLine,
  requireStyles,
  type GeneratedModule,
  type LuaFileShape,
  type RequireStyle,
} from './luaArbitraries.ts';

export const SOURCE_ROOT = 'ao-processes';

export interface GeneratedEntry {
  process: string;
  requires: { name: string; style: RequireStyle }[];
  shape: LuaFileShape;
}

export interface GeneratedProject {
  modules: GeneratedModule[];
  entries: GeneratedEntry[];
  /** A byte-identical copy of modules[copyOf] named `<process>.lib.copy` (required by p2). */
  copyOf?: number;
}

export function projectConfig(processes: string[]): ProjectConfig {
  return configSchema.parse({
    sourceRoot: SOURCE_ROOT,
    processes: processes.map((name) => ({ name, entry: `${SOURCE_ROOT}/${name}/main.lua` })),
  });
}

export const copyName = (g: GeneratedProject): string => `${g.entries[1]!.process}.lib.copy`;

/** Entry text: requires, then a print of each value's type, then every lazy `back()` called. */
export function entrySource(e: GeneratedEntry): Buffer {
  const lines = [`-- entry of ${e.process}`];
  e.requires.forEach((r, i) => lines.push(requireLine(r.name, r.style, `m${i}`)));
  e.requires.forEach((_, i) => {
    lines.push(`print("${e.process} m${i}: " .. type(m${i}))`);
    lines.push(`if type(m${i}) == "table" and m${i}.back then print("back: " .. m${i}.back()) end`);
  });
  return renderFile(lines, e.shape);
}

export function projectFiles(g: GeneratedProject): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const m of g.modules) files[modulePath(SOURCE_ROOT, m.name)] = moduleSource(m);
  for (const e of g.entries) files[`${SOURCE_ROOT}/${e.process}/main.lua`] = entrySource(e);
  if (g.copyOf !== undefined) files[modulePath(SOURCE_ROOT, copyName(g))] = moduleSource(g.modules[g.copyOf]!);
  return files;
}

/** Renames every module (and every require of it) with `prefix.` so cases share one aos process. */
export function withPrefix(g: GeneratedProject, prefix: string, processPrefix = prefix): GeneratedProject {
  const ren = (n: string) => `${prefix}.${n}`;
  return {
    ...g,
    modules: g.modules.map((m) => ({ ...m, name: ren(m.name), requires: m.requires.map((r) => ({ ...r, name: ren(r.name) })), lazy: m.lazy?.map(ren) })),
    entries: g.entries.map((e) => ({ ...e, process: `${processPrefix}_${e.process}`, requires: e.requires.map((r) => ({ ...r, name: ren(r.name) })) })),
  };
}

const entryOf = (process: string, names: string[], min: number): fc.Arbitrary<GeneratedEntry> =>
  fc.record({
    process: fc.constant(process),
    requires: fc
      .subarray(names, { minLength: Math.min(min, names.length), maxLength: Math.min(3, names.length) })
      .chain((deps) => fc.tuple(...deps.map((d) => fc.record({ name: fc.constant(d), style: fc.constantFrom(...requireStyles) })))),
    shape: fileShape,
  });

/** Two processes p1, p2 over one module graph; p1 always requires the first module. */
export const generatedProject = (opts: { min?: number; max?: number; withCopy?: boolean } = {}): fc.Arbitrary<GeneratedProject> =>
  moduleGraph({ min: opts.min, max: opts.max })
    .chain((modules) => {
      const names = modules.map((m) => m.name);
      return fc.record({
        modules: fc.constant(modules),
        entries: fc.tuple(
          entryOf('p1', names, 1).map((e) =>
            e.requires.some((r) => r.name === names[0]) ? e : { ...e, requires: [{ name: names[0]!, style: 'paren-double' as RequireStyle }, ...e.requires] },
          ),
          entryOf('p2', names, 1),
        ),
        copyOf: opts.withCopy ? fc.option(fc.integer({ min: 0, max: modules.length - 1 }), { nil: undefined }) : fc.constant(undefined),
      });
    })
    .map((g) =>
      g.copyOf === undefined
        ? g
        : {
            ...g,
            entries: [g.entries[0]!, { ...g.entries[1]!, requires: [...g.entries[1]!.requires, { name: copyName(g), style: 'bare-single' as RequireStyle }] }],
          },
    );
