// ts/rewrite-imports: named imports (and `export {..} from`) of deep runtime modules, e.g.
// `'../runtime/tags.js'`, become imports from the runtime entry `'../runtime/index.js'`
// (written here as a barrel of `export *`). Only the string literal changes: formatting,
// comments and the file's quote style are kept. An import is rewritten only when its names
// point back at exactly one deep module (see owningModule), which makes the inverse exact;
// the others (ambiguous names, default and namespace imports, require) are kept and reported.
import path from 'node:path';
import { z } from 'zod';
import type { Transform, TransformContext } from '../../../src/transform/types.ts';
import type { Tree } from '../../../src/files/tree.ts';
import { parseModule, type ImportSite } from '../../../src/ts/syntax.ts';
import { readPathAliases, resolveSpecifier, respecify, type PathAlias } from '../../../src/ts/specifiers.ts';
import { moduleExports, owningModule, type ModuleExports } from '../../../src/ts/exports.ts';
import { applyEdits, listSources } from '../../../src/ts/text.ts';
import type { TextEdit } from '../../../src/transform/types.ts';

const rewriteParams = z.object({
  clientRoot: z.string(),
  tsconfig: z.string(),
  runtimeDir: z.string(),
  /** Runtime modules the entry re-exports (project-relative .ts paths), in order. */
  modules: z.array(z.string()).min(1),
});
export type RewriteImportsParams = z.infer<typeof rewriteParams>;

export const RUNTIME_ENTRY_HEADER = '// Runtime entry written by ts/rewrite-imports: every shared client module, re-exported.';

export const runtimeEntryOf = (runtimeDir: string): string => `${runtimeDir}/index.ts`;

export const transform: Transform<RewriteImportsParams> = {
  id: 'ts/rewrite-imports',
  language: 'ts',
  description: 'Rewrites deep imports of runtime modules into imports from the runtime entry, keeping formatting, comments and quote style.',
  params: rewriteParams as z.ZodType<RewriteImportsParams>,
  apply(tree, params, ctx) {
    const entry = runtimeEntryOf(params.runtimeDir);
    if (!tree.exists(entry)) {
      const lines = params.modules.map((m) => `export * from './${path.posix.relative(params.runtimeDir, m).replace(/\.tsx?$/, '.js')}';`);
      tree.write(entry, `${RUNTIME_ENTRY_HEADER}\n${lines.join('\n')}\n`);
    }
    rewrite(tree, params, ctx, (site, target, owner) => (params.modules.includes(target) && owner === target ? entry : undefined));
  },
  inverse(tree, params, ctx) {
    const entry = runtimeEntryOf(params.runtimeDir);
    rewrite(tree, params, ctx, (site, target, owner) => (target === entry ? owner : undefined));
    if (tree.readText(entry)?.startsWith(RUNTIME_ENTRY_HEADER)) tree.delete(entry);
  },
};

type Redirect = (site: ImportSite, target: string, owner: string | undefined) => string | undefined;

/** Edits, file by file, the named import sites that `redirect` sends to another module. */
function rewrite(tree: Tree, params: RewriteImportsParams, ctx: TransformContext, redirect: Redirect): void {
  const aliases: PathAlias[] = readPathAliases(tree, params.tsconfig);
  const cache = new Map<string, ModuleExports>();
  const exportsOf = (m: string) => moduleExports(tree, m, aliases, cache);
  const runtimePrefix = `${params.runtimeDir}/`;
  const runtimeName = path.posix.basename(params.runtimeDir);
  for (const file of listSources(tree, params.clientRoot)) {
    if (file.startsWith(runtimePrefix)) continue; // runtime modules keep their own deep imports
    const text = tree.readText(file)!;
    if (!text.includes(runtimeName)) continue;
    const edits: TextEdit[] = [];
    for (const site of parseModule(text, file).imports) {
      const target = resolveSpecifier(tree, file, site.specifier, aliases);
      if (!target?.startsWith(runtimePrefix)) continue;
      if (!params.modules.includes(target) && target !== runtimeEntryOf(params.runtimeDir)) continue;
      const namedOnly = (site.kind === 'import' || site.kind === 'export-from') && site.named.length > 0 && !site.defaultLocal && !site.namespaceLocal;
      if (!namedOnly) {
        ctx.report(`${file}: kept ${site.kind} '${site.specifier}' (only named imports go through the runtime entry)`);
        continue;
      }
      const owner = owningModule(
        site.named.map((n) => n.imported),
        params.modules,
        exportsOf,
      );
      const to = redirect(site, target, owner);
      if (!to) {
        if (target !== runtimeEntryOf(params.runtimeDir)) ctx.report(`${file}: kept '${site.specifier}' (its names also come from another runtime module)`);
        continue;
      }
      const spec = respecify(site.specifier, target, file, to, aliases);
      if (spec !== site.specifier) edits.push({ start: site.literalStart + 1, end: site.literalEnd - 1, text: spec });
    }
    if (edits.length) tree.write(file, applyEdits(text, edits, file));
  }
}
