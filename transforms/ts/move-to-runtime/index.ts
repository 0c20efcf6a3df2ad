// ts/move-to-runtime: the client's shared code moves into the runtime folder.
// (1) Modules whose exports two or more entries use move whole (`modules`: from -> to) and
// every specifier naming them is rewritten in the same style (alias, `.js`, extensionless).
// (2) Helper copies that are identical in several entries (`helpers`) are extracted (their
// exact text and leading comments) into one runtime module; each copy is replaced, in
// place, by an import of it. Which modules and helpers move is decided by the planner
// (src/plan/tsPlanner.ts, symbol-aware with ts-morph); near-duplicates are never listed.
import path from 'node:path';
import { z } from 'zod';
import type { Transform, TransformContext } from '../../../src/transform/types.ts';
import type { Tree } from '../../../src/files/tree.ts';
import { MigrateError } from '../../../src/errors.ts';
import { parseModule, type ModuleSyntax, type TopLevelDecl } from '../../../src/ts/syntax.ts';
import { readPathAliases, resolveSpecifier } from '../../../src/ts/specifiers.ts';
import { relocateModules } from '../../../src/ts/relocate.ts';
import { applyEdits, detectEol, lineColumn, withEol } from '../../../src/ts/text.ts';

const moveParams = z.object({
  clientRoot: z.string(),
  tsconfig: z.string(),
  modules: z.array(z.object({ from: z.string(), to: z.string() })).default([]),
  helpers: z.array(z.object({ name: z.string(), to: z.string(), files: z.array(z.string()).min(2) })).default([]),
});
export type MoveToRuntimeParams = z.infer<typeof moveParams>;

const HEADER = '// Shared helper moved here by ts/move-to-runtime from identical copies in:';

export const transform: Transform<MoveToRuntimeParams> = {
  id: 'ts/move-to-runtime',
  language: 'ts',
  description: 'Moves client modules used by two entries or more, and identical helper copies, into the runtime folder and rewrites every import.',
  params: moveParams as z.ZodType<MoveToRuntimeParams>,
  apply(tree, params, ctx) {
    const aliases = readPathAliases(tree, params.tsconfig);
    for (const m of relocateModules(tree, params.clientRoot, aliases, params.modules)) ctx.report(`moved ${m.from} -> ${m.to}`);
    for (const helper of params.helpers) extractHelper(tree, helper, ctx);
  },
  inverse(tree, params, ctx) {
    const aliases = readPathAliases(tree, params.tsconfig);
    for (const helper of params.helpers) restoreHelper(tree, helper, aliases);
    const back = params.modules.map((m) => ({ from: m.to, to: m.from }));
    for (const m of relocateModules(tree, params.clientRoot, aliases, back)) ctx.report(`moved back ${m.from} -> ${m.to}`);
  },
};

type Helper = MoveToRuntimeParams['helpers'][number];

function findDecl(syntax: ModuleSyntax, name: string): TopLevelDecl | undefined {
  return syntax.decls.find((d) => d.name === name && !d.exported && d.kind === 'FunctionDeclaration');
}

function extractHelper(tree: Tree, helper: Helper, ctx: TransformContext): void {
  const existing = tree.readText(helper.to);
  let shared = existing === undefined ? undefined : runtimeCopy(existing, helper);
  for (const file of helper.files) {
    const text = tree.readText(file);
    if (text === undefined)
      throw new MigrateError('TS-010', `helper file not found: ${file}`, { location: { file }, hint: 're-run the plan: the client changed since it was made' });
    const syntax = parseModule(text, file);
    const decl = findDecl(syntax, helper.name);
    if (!decl) continue; // already replaced by its import (idempotent)
    const copy = text.slice(decl.leadingStart, decl.end);
    shared ??= withEol(copy, '\n');
    if (copy !== withEol(shared, detectEol(text))) {
      throw new MigrateError('TS-011', `copy of ${helper.name} in ${file} differs from the others; only identical copies are merged`, {
        location: { file, ...lineColumn(text, decl.start) },
        hint: 'near-duplicates are reported by `migrate audit` (ts.duplicates) and left in place; make the copies identical first if they should be shared',
      });
    }
    const line = importLine(syntax, text, file, helper);
    tree.write(file, applyEdits(text, [{ start: decl.leadingStart, end: decl.end, text: line }], file));
    ctx.report(`${file}: ${helper.name} now imported from ${helper.to}`);
  }
  if (existing === undefined && shared !== undefined) {
    const decl = findDecl(parseModule(shared, helper.to), helper.name)!;
    const comments = shared.slice(0, decl.start);
    tree.write(helper.to, `${HEADER} ${helper.files.join(', ')}\n\n${comments}export ${shared.slice(decl.start)}\n`);
  }
}

/** The original copy (LF line ends) held by a runtime helper module, or throws TS-012. */
function runtimeCopy(text: string, helper: Helper): string {
  const syntax = parseModule(text, helper.to);
  const decl = syntax.decls.find((d) => d.name === helper.name && d.exported);
  if (!decl)
    throw new MigrateError('TS-012', `${helper.to} does not export ${helper.name}`, {
      location: { file: helper.to },
      hint: 'the runtime module was edited by hand; revert it or re-plan',
    });
  const exportKw = text.indexOf('export ', decl.start);
  return text.slice(decl.leadingStart, exportKw) + text.slice(exportKw + 'export '.length, decl.end);
}

/** `import { name } from './runtime/x.js';` in the file's own quote, extension and semicolon style. */
function importLine(syntax: ModuleSyntax, text: string, file: string, helper: Helper): string {
  const first = syntax.imports.find((i) => i.kind === 'import');
  const quote = first?.quote ?? "'";
  const semi = first ? (text[first.end - 1] === ';' ? ';' : '') : ';';
  const jsExt =
    syntax.imports.some((i) => i.specifier.startsWith('.') && i.specifier.endsWith('.js')) || !syntax.imports.some((i) => i.specifier.startsWith('.'));
  let spec = path.posix.relative(path.posix.dirname(file), helper.to).replace(/\.ts$/, jsExt ? '.js' : '');
  if (!spec.startsWith('.')) spec = `./${spec}`;
  return `import { ${helper.name} } from ${quote}${spec}${quote}${semi}`;
}

function restoreHelper(tree: Tree, helper: Helper, aliases: ReturnType<typeof readPathAliases>): void {
  const runtimeText = tree.readText(helper.to);
  if (runtimeText === undefined) return;
  const copy = runtimeCopy(runtimeText, helper);
  for (const file of helper.files) {
    const text = tree.readText(file);
    if (text === undefined) continue;
    const site = parseModule(text, file).imports.find(
      (i) =>
        i.kind === 'import' &&
        i.named.length === 1 &&
        i.named[0]!.local === helper.name &&
        !i.defaultLocal &&
        !i.namespaceLocal &&
        resolveSpecifier(tree, file, i.specifier, aliases) === helper.to,
    );
    if (site) tree.write(file, applyEdits(text, [{ start: site.start, end: site.end, text: withEol(copy, detectEol(text)) }], file));
  }
  tree.delete(helper.to);
}
