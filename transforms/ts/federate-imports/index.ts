// ts/federate-imports: an entry's value imports of runtime modules go through the federation
// loader, with the static import kept as the fallback:
//   import { buildTags } from '../runtime/index.js';
// becomes
//   import { loadShared } from '../runtime/federation.js';
//   import * as shared$index from '../runtime/index.js';
//   const { buildTags } = await loadShared('index', shared$index);
// The `const` line is the original statement with `import`->`const`, `from`->`=`, `as`->`:`
// and the literal swapped for the call, so the inverse rebuilds the original bytes. Type-only
// imports stay static (they are erased). The mode flag is the Lua side's (FEDERATION_MODE).
import path from 'node:path';
import { z } from 'zod';
import type { Transform, TextEdit } from '../../../src/transform/types.ts';
import type { Tree } from '../../../src/files/tree.ts';
import { parseModule, type ImportSite } from '../../../src/ts/syntax.ts';
import { readPathAliases, resolveSpecifier, type PathAlias } from '../../../src/ts/specifiers.ts';
import { applyEdits, detectEol } from '../../../src/ts/text.ts';
import { FEDERATION_LOADER_HEADER, federationLoaderSource } from '../../../src/ts/federationLoader.ts';

const federateParams = z.object({
  tsconfig: z.string(),
  runtimeDir: z.string(),
  entries: z.array(z.string()).min(1),
});
export type FederateImportsParams = z.infer<typeof federateParams>;

const NAMED = /^const(\s+)\{([^}]*)\}(\s*)=(\s*)await loadShared\((['"])[^'"]+\5, (shared\$[\w$]+)\)(;?)$/;
const DEFAULT = /^const(\s+)([A-Za-z_$][\w$]*)(\s*)=(\s*)\(await loadShared\((['"])[^'"]+\5, (shared\$[\w$]+)\)\)\.default(;?)$/;

export const transform: Transform<FederateImportsParams> = {
  id: 'ts/federate-imports',
  language: 'ts',
  description: 'Routes entry imports of runtime modules through the federation loader behind the FEDERATION_MODE flag, with the static import as fallback.',
  params: federateParams as z.ZodType<FederateImportsParams>,
  apply(tree, params, ctx) {
    const aliases = readPathAliases(tree, params.tsconfig);
    const loaderFile = `${params.runtimeDir}/federation.ts`;
    if (!tree.exists(loaderFile)) tree.write(loaderFile, federationLoaderSource);
    for (const file of params.entries) {
      const text = tree.readText(file);
      if (text === undefined) continue;
      const eol = detectEol(text);
      const edits: TextEdit[] = [];
      let loaderImported = false;
      // One namespace import per distinct literal: two spellings of one module keep two
      // namespaces, so the inverse gives each statement back its own literal.
      const namespaces = new Map<string, string>();
      for (const site of parseModule(text, file).imports) {
        const target = resolveSpecifier(tree, file, site.specifier, aliases);
        if (!target?.startsWith(`${params.runtimeDir}/`) || target === loaderFile) continue;
        const key = path.posix.relative(params.runtimeDir, target).replace(/\.[a-z]+$/, '');
        const literal = text.slice(site.literalStart, site.literalEnd);
        const known = namespaces.get(literal);
        const stem = `shared$${key.replace(/[^\w$]/g, '_')}`;
        const taken = new Set(namespaces.values());
        let ns = known ?? stem;
        for (let n = 2; !known && taken.has(ns); n++) ns = `${stem}$${n}`;
        const replaced = constForm(text, site, key, ns);
        if (replaced === undefined) {
          if (site.kind === 'import' && !site.typeOnly) ctx.report(`${file}: kept static import '${site.specifier}' (namespace, mixed type or unusual form)`);
          continue;
        }
        const semi = text.slice(site.literalEnd, site.end);
        let prefix = '';
        if (!loaderImported) {
          let spec = path.posix.relative(path.posix.dirname(file), loaderFile).replace(/\.ts$/, '.js');
          if (!spec.startsWith('.')) spec = `./${spec}`;
          prefix += `import { loadShared } from ${site.quote}${spec}${site.quote}${semi}${eol}`;
          loaderImported = true;
        }
        if (!known) prefix += `import * as ${ns} from ${literal}${semi}${eol}`;
        namespaces.set(literal, ns);
        edits.push({ start: site.start, end: site.end, text: prefix + replaced });
      }
      if (edits.length) tree.write(file, applyEdits(text, edits, file));
    }
  },
  inverse(tree, params) {
    const aliases = readPathAliases(tree, params.tsconfig);
    const loaderFile = `${params.runtimeDir}/federation.ts`;
    for (const file of params.entries) {
      const text = tree.readText(file);
      if (text !== undefined) {
        const restored = unfederate(tree, file, text, loaderFile, aliases);
        if (restored !== text) tree.write(file, restored);
      }
    }
    if (tree.readText(loaderFile)?.startsWith(FEDERATION_LOADER_HEADER)) tree.delete(loaderFile);
  },
};

/** The `const` statement for a plain named or default value import, else undefined. */
function constForm(text: string, site: ImportSite, key: string, ns: string): string | undefined {
  if (site.kind !== 'import' || site.typeOnly || site.namespaceLocal || site.named.some((n) => n.typeOnly)) return undefined;
  if (site.defaultLocal && site.named.length) return undefined;
  const call = `await loadShared(${site.quote}${key}${site.quote}, ${ns})`;
  const stmt = text.slice(site.start, site.literalStart);
  const tail = text.slice(site.literalEnd, site.end);
  if (site.defaultLocal) {
    const m = /^import(\s+)([A-Za-z_$][\w$]*)(\s+)from(\s*)$/.exec(stmt);
    return m ? `const${m[1]}${m[2]}${m[3]}=${m[4]}(${call}).default${tail}` : undefined;
  }
  const m = /^import(\s*)\{([^}]*)\}(\s*)from(\s*)$/.exec(stmt);
  if (!m || !site.named.every((n) => /^[A-Za-z_$][\w$]*$/.test(n.imported))) return undefined;
  // `a as b` becomes `a: b`; only the exact ` as ` spelling is taken so the inverse is exact.
  const aliased = site.named.filter((n) => n.imported !== n.local);
  const body = m[2]!.replace(/([\w$]+) as ([\w$]+)/g, '$1: $2');
  if (aliased.length !== (m[2]!.match(/[\w$]+ as [\w$]+/g) ?? []).length || /:/.test(m[2]!)) return undefined;
  return `const${m[1]}{${body}}${m[3]}=${m[4]}${call}${tail}`;
}

function unfederate(tree: Tree, file: string, text: string, loaderFile: string, aliases: PathAlias[]): string {
  const syntax = parseModule(text, file);
  const eol = detectEol(text);
  const nsImports = new Map(syntax.imports.filter((s) => s.namespaceLocal?.startsWith('shared$')).map((s) => [s.namespaceLocal!, s]));
  const edits: TextEdit[] = [];
  const dropped = new Set<ImportSite>();
  const dropLine = (site: ImportSite) =>
    !dropped.has(site) &&
    dropped.add(site) &&
    edits.push({ start: site.start, end: text.startsWith(eol, site.end) ? site.end + eol.length : site.end, text: '' });
  for (const decl of syntax.decls.filter((d) => d.kind === 'VariableDeclaration')) {
    const stmt = text.slice(decl.start, decl.end);
    const named = NAMED.exec(stmt);
    const dflt = named ? null : DEFAULT.exec(stmt);
    const m = named ?? dflt;
    const nsSite = m ? nsImports.get(m[6]!) : undefined;
    if (!m || !nsSite) continue;
    const literal = text.slice(nsSite.literalStart, nsSite.literalEnd);
    const original = named
      ? `import${m[1]}{${m[2]!.replace(/([\w$]+): ([\w$]+)/g, '$1 as $2')}}${m[3]}from${m[4]}${literal}${m[7]}`
      : `import${m[1]}${m[2]}${m[3]}from${m[4]}${literal}${m[7]}`;
    edits.push({ start: decl.start, end: decl.end, text: original });
    dropLine(nsSite);
  }
  for (const site of syntax.imports) {
    if (site.named.length === 1 && site.named[0]!.imported === 'loadShared' && resolveSpecifier(tree, file, site.specifier, aliases) === loaderFile)
      dropLine(site);
  }
  return applyEdits(text, edits, file);
}
