// lua/federate-requires: inside one process (its entry and its own modules, i.e. the files of
// its closure outside the runtime folder) requires of runtime modules go through the loader:
//   require("runtime.x")        -> Federation.require("runtime.x", "^1.0.0")
//   require 'runtime.x'         -> Federation.require ('runtime.x', '^1.0.0')
//   pcall(require, "runtime.x") -> pcall(Federation.require, "runtime.x", "^1.0.0")
// Only the callee and the argument list are edited; the literal keeps its quotes. Runtime
// modules' own requires of each other stay plain `require` (the runtime bundle resolves them).
// Each file it federates (and the entry, whose mode flag reads the loader) gets, after its
// shebang and leading comments, `require("<namespace>.ao_federate")` (which defines the global
// `Federation`): the sources name the loader module they need (written by
// lua/write-federation-loader), so they run with plain Lua too. The inverse removes that line.
import { z } from 'zod';
import { MigrateError } from '../../../src/errors.ts';
import type { Transform } from '../../../src/transform/types.ts';
import type { TextEdit } from '../../../src/transform/types.ts';
import { isRuntimePath, processClosure, runtimePrefix } from '../lib/luaProject.ts';
import { resolveModule } from '../../../src/graph/resolveRequire.ts';
import { readManifest, rangeFor } from '../../../src/graph/runtimeManifest.ts';
import { editRequireSites } from '../lib/rewriteRequires.ts';
import { headerEnd } from '../add-hybrid-flag/index.ts';
import { loaderRequireLine } from '../../../src/bundle/loaderModule.ts';
import { decodeLua, encodeLua, eolOf } from '../../../src/parse/luaSource.ts';
import type { RequireSite } from '../../../src/graph/requireSites.ts';
import type { ProjectConfig } from '../../../src/config/projectConfig.ts';
import type { Tree } from '../../../src/files/tree.ts';

const paramsSchema = z.object({ process: z.string().min(1) });
type Params = z.infer<typeof paramsSchema>;

/** The files a process owns: its closure minus runtime files (federated requires followed too). */
export function processOwnFiles(tree: Tree, config: ProjectConfig, processName: string): string[] {
  if (!config.processes.some((p) => p.name === processName)) {
    throw new MigrateError('PLAN-204', `unknown process ${processName}`, { hint: `one of: ${config.processes.map((p) => p.name).join(', ')}` });
  }
  return processClosure(tree, config, processName).filter((f) => !isRuntimePath(config, f));
}

const quoteOf = (raw: string): string => (raw.startsWith("'") ? "'" : '"');

function federateEdits(site: RequireSite, text: string, range: string): TextEdit[] {
  const q = quoteOf(site.raw);
  const versionArg = `, ${q}${range}${q}`;
  const callee: TextEdit = { start: site.calleeRange[0], end: site.calleeRange[1], text: 'Federation.require' };
  if (site.form === 'paren' || site.form === 'pcall') {
    return [callee, { start: site.literalRange[1], end: site.literalRange[1], text: versionArg }];
  }
  // `require "x"` / `require [[x]]`: the call needs parentheses for the second argument;
  // the whitespace before the literal is kept, which is how the inverse recognises the form.
  void text;
  return [callee, { start: site.literalRange[0], end: site.literalRange[1], text: `(${site.raw}${versionArg})` }];
}

function unfederateEdits(site: RequireSite, text: string): TextEdit[] {
  if (!site.versionRange) return [];
  const callee: TextEdit = { start: site.calleeRange[0], end: site.calleeRange[1], text: 'require' };
  const gap = text.slice(site.calleeRange[1], site.literalRange[0]);
  const bare = site.form === 'paren' && /^\s+\($/.test(gap) && text[site.versionRange[1]] === ')' && site.callRange[1] === site.versionRange[1] + 1;
  if (bare) {
    // `Federation.require ("x", "^1.0.0")` was `require "x"`.
    return [
      callee,
      { start: site.literalRange[0] - 1, end: site.literalRange[0], text: '' },
      { start: site.literalRange[1], end: site.versionRange[1] + 1, text: '' },
    ];
  }
  return [callee, { start: site.literalRange[1], end: site.versionRange[1], text: '' }];
}

/** Inserts the loader line after the file's header (no-op when it is there already). */
function addLoaderLine(tree: Tree, file: string, line: string): void {
  const bytes = tree.read(file);
  if (!bytes) return;
  const { text, bom } = decodeLua(bytes);
  const at = headerEnd(text);
  if (text.startsWith(line, at)) return;
  const eol = eolOf(text);
  // A file that is only comments with no final newline: the line goes before its last line.
  const pos = at === text.length && at > 0 && !text.endsWith('\n') ? text.lastIndexOf('\n') + 1 : at;
  tree.write(file, encodeLua(text.slice(0, pos) + line + eol + text.slice(pos), bom));
}

function removeLoaderLine(tree: Tree, file: string, line: string): void {
  const bytes = tree.read(file);
  if (!bytes) return;
  const { text, bom } = decodeLua(bytes);
  const eol = eolOf(text);
  const at = headerEnd(text);
  if (!text.startsWith(line + eol, at)) return;
  tree.write(file, encodeLua(text.slice(0, at) + text.slice(at + line.length + eol.length), bom));
}

export const transform: Transform<Params> = {
  id: 'lua/federate-requires',
  language: 'lua',
  description: "Routes one process's requires of runtime modules through Federation.require with a version range.",
  params: paramsSchema,
  apply(tree, params, ctx) {
    const { config } = ctx;
    const ns = runtimePrefix(config);
    const manifest = readManifest(tree, config);
    const line = loaderRequireLine(config);
    const files = processOwnFiles(tree, config, params.process);
    const entry = config.processes.find((p) => p.name === params.process)!.entry;
    let count = 0;
    for (const file of files) {
      const n = editRequireSites(tree, file, (site, text) =>
        !site.federated && site.name.startsWith(ns) && isRuntimePath(config, resolveModule(config, tree, site.name) ?? '')
          ? federateEdits(site, text, rangeFor(manifest, config, site.name))
          : [],
      );
      if (n > 0 || file === entry) addLoaderLine(tree, file, line);
      count += n;
    }
    ctx.report(`${params.process}: ${count} edit(s) for federated requires`);
  },
  inverse(tree, params, ctx) {
    const ns = runtimePrefix(ctx.config);
    const line = loaderRequireLine(ctx.config);
    for (const file of processOwnFiles(tree, ctx.config, params.process)) {
      editRequireSites(tree, file, (site, text) => (site.federated && site.name.startsWith(ns) ? unfederateEdits(site, text) : []));
      removeLoaderLine(tree, file, line);
    }
  },
};
