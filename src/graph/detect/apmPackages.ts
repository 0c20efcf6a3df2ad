// APM packages (`require("@vendor/name")`) that the repository itself holds. An APM package is
// installed into a process by the ao package manager, which loads its source and stores it in
// `package.loaded["@vendor/name"]`; in the repository that publishes it, the same package is a
// plain Lua file that no package.path pattern can spell (the name has a `/` and a `@`). A person
// reading the repository finds it by how the package names itself:
//   - an `apm.json` manifest (apm-tool's `{ "vendor": "@v", "name": "n", "main": "source.lua" }`)
//     beside or above the file it names as `main`;
//   - the source declaring the name: `package.loaded["@v/n"] = X` (or through a local bound to
//     that string), or a local named `...PackageName` bound to it (the permaweb packages' header
//     `local KVPackageName = "@permaweb/kv-base"`).
// `package.loaded[...] = nil` resets the slot and declares nothing. A name two files claim is
// ambiguous and mapped to neither (init reports it; the user writes `packages` by hand).
// The same holds for a plain name a file stores in `package.loaded` (an amalg bundle kept as a
// source, loaded before the process in the project's own build): detection maps such a name only
// when no file resolves it by the package.path patterns (rootResolution.ts).
import path from 'node:path';
import type { Workspace } from '../../files/tree.ts';
import { lineLocator, nodeStart, walkLua, type LuaNode } from '../../parse/luaAst.ts';
import type { LuaFileFacts } from '../luaFiles.ts';

/** `@vendor/name`, as APM spells a package (vendor and name: letters, digits, `-`, `_`, `.`). */
export const APM_NAME = /^@[A-Za-z0-9_-]+\/[A-Za-z0-9_.-]+$/;

export interface PackageDeclaration {
  /** The require name, `@vendor/name`. */
  name: string;
  /** Project-relative Lua file that provides it. */
  file: string;
  /** Where the declaration was read: `kv/src/kv.lua:6 (local KVPackageName)`, `kv/apm.json`. */
  evidence: string;
}

export interface PackageDeclarations {
  /** One declaration per name claimed by exactly one file, sorted by name. */
  declared: PackageDeclaration[];
  /** Names claimed by more than one file: mapped to none of them. */
  ambiguous: { name: string; files: string[] }[];
}

const stringValue = (n: LuaNode | undefined): string | undefined => (n?.type === 'StringLiteral' && typeof n.value === 'string' ? n.value : undefined);

/** `package.loaded[<index>]` as an assignment target: the index node, else undefined. */
function packageLoadedIndex(v: LuaNode): LuaNode | undefined {
  if (v.type !== 'IndexExpression') return undefined;
  const base = v.base as LuaNode;
  if (base.type !== 'MemberExpression' || (base.identifier as LuaNode).name !== 'loaded') return undefined;
  const pkg = base.base as LuaNode;
  const isPackage = pkg.type === 'Identifier' && pkg.name === 'package';
  const isGPackage = pkg.type === 'MemberExpression' && (pkg.identifier as LuaNode).name === 'package' && (pkg.base as LuaNode).name === '_G';
  return isPackage || isGPackage ? (v.index as LuaNode) : undefined;
}

/** The APM names a Lua file declares for itself, each with the line that says so. */
export function declaredInSource(ast: LuaNode, file: string, text: string): { name: string; evidence: string }[] {
  const locate = lineLocator(text);
  const locals = new Map<string, string>();
  const out: { name: string; evidence: string }[] = [];
  const add = (name: string, line: number, how: string): void => {
    if (!out.some((d) => d.name === name)) out.push({ name, evidence: `${file}:${line} (${how})` });
  };
  walkLua(ast, (n) => {
    if (n.type === 'LocalStatement' || n.type === 'AssignmentStatement') {
      const vars = n.variables as LuaNode[];
      const init = n.init as LuaNode[];
      vars.forEach((v, i) => {
        const value = stringValue(init[i]);
        const line = nodeStart(v, locate).line;
        if (v.type === 'Identifier' && value !== undefined && APM_NAME.test(value)) {
          locals.set(v.name as string, value);
          if (n.type === 'LocalStatement' && /packagename$/i.test(v.name as string)) add(value, line, `local ${v.name as string}`);
        }
        const index = packageLoadedIndex(v);
        if (!index || init[i] === undefined || init[i]!.type === 'NilLiteral') return;
        // Any name (an amalg bundle's `package.loaded["subscribable"] = newmodule` too): detection
        // uses a non-APM name only when no file resolves it by the patterns.
        const name = stringValue(index) ?? (index.type === 'Identifier' ? locals.get(index.name as string) : undefined);
        if (name !== undefined && name !== '') add(name, line, 'package.loaded');
      });
    }
  });
  return out;
}

/** apm.json manifests: `@vendor/name` -> the main file beside the manifest. */
function declaredByManifests(ws: Workspace, luaFiles: Set<string>): PackageDeclaration[] {
  const out: PackageDeclaration[] = [];
  for (const f of ws.list('').filter((p) => path.posix.basename(p) === 'apm.json')) {
    let raw: unknown;
    try {
      raw = JSON.parse(ws.read(f)?.toString('utf8') ?? '');
    } catch {
      continue; // not ours to validate: a broken manifest declares nothing
    }
    const m = raw as { vendor?: unknown; name?: unknown; main?: unknown };
    if (typeof m.name !== 'string') continue;
    const vendor = typeof m.vendor === 'string' && m.vendor ? m.vendor : '@apm'; // apm-tool's default vendor
    const name = `${vendor}/${m.name}`;
    const main = path.posix.normalize(path.posix.join(path.posix.dirname(f), typeof m.main === 'string' ? m.main : 'main.lua'));
    if (APM_NAME.test(name) && luaFiles.has(main)) out.push({ name, file: main, evidence: f });
  }
  return out;
}

/**
 * Every name the project's own files declare. `files`: the project's sources, build output left
 * out (it carries copies of the packages it bundles).
 */
export function findPackageDeclarations(ws: Workspace, files: Set<string>, facts: (file: string) => LuaFileFacts | undefined): PackageDeclarations {
  const all: PackageDeclaration[] = declaredByManifests(ws, files);
  for (const file of [...files].sort()) {
    const fact = facts(file);
    if (!fact?.parsed.ast) continue;
    for (const d of declaredInSource(fact.parsed.ast as unknown as LuaNode, file, fact.text))
      if (!all.some((x) => x.name === d.name && x.file === file)) all.push({ ...d, file });
  }
  const byName = new Map<string, PackageDeclaration[]>();
  for (const d of all) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  const declared: PackageDeclaration[] = [];
  const ambiguous: PackageDeclarations['ambiguous'] = [];
  for (const [name, ds] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    const files = [...new Set(ds.map((d) => d.file))];
    if (files.length === 1) declared.push(ds[0]!);
    else ambiguous.push({ name, files: files.sort() });
  }
  return { declared, ambiguous };
}
