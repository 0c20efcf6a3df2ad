// Module names held as strings outside a require: `package.loaded["x"]`, `package.preload['x']`
// (any literal form) and `package.loaded.x`. When a module moves, these must follow its
// requires, or a reload / reset / preload silently goes to the old name. The index form is
// rewritten in place (only the text between the delimiters); the member form cannot be given a
// dotted name in place, so a step that would have to rename one refuses with its location.
import { MigrateError } from '../../../src/errors.ts';
import type { Tree } from '../../../src/files/tree.ts';
import type { TextEdit } from '../../../src/transform/types.ts';
import { applyTextEdits, encodeLua } from '../../../src/parse/luaSource.ts';
import { luaFileFacts } from '../../../src/graph/luaFiles.ts';
import { lineLocator, walkLua, type LuaNode } from '../../../src/parse/luaAst.ts';

export interface ModuleRef {
  name: string;
  table: 'loaded' | 'preload';
  /** `package.loaded["x"]` (rewritable in place) or `package.loaded.x` (not). */
  form: 'index' | 'member';
  /** What a rename replaces: the literal's inner text, or the identifier. */
  nameRange: [number, number];
  line: number;
  column: number;
}

/** `package.loaded` / `package.preload` (not a local called `package`). */
function packageTable(n: LuaNode | undefined): 'loaded' | 'preload' | undefined {
  if (n?.type !== 'MemberExpression' || n.indexer !== '.') return undefined;
  const base = n.base as LuaNode;
  const field = (n.identifier as LuaNode).name;
  if (base.type !== 'Identifier' || base.name !== 'package' || base.isLocal === true) return undefined;
  return field === 'loaded' || field === 'preload' ? field : undefined;
}

/** The range between a literal's delimiters, when its value is written there verbatim (no escapes). */
function verbatimInner(lit: LuaNode, value: string): [number, number] | undefined {
  const raw = lit.raw as string;
  const [s, e] = lit.range;
  const open = raw.startsWith('[') ? /^\[=*\[/.exec(raw)![0].length : 1;
  const inner: [number, number] = [s + open, e - open];
  return raw.slice(open, raw.length - open) === value ? inner : undefined;
}

/** Every literal module-name reference of a file (empty when it never mentions `package.`). */
export function moduleRefs(bytes: Buffer, file: string): ModuleRef[] {
  // Cheap test first: most files never mention `package`, and those are neither hashed nor parsed.
  if (!bytes.includes('package')) return [];
  const facts = luaFileFacts(bytes, file);
  if (facts.error || !/\bpackage\s*\.\s*(loaded|preload)\b/.test(facts.text)) return [];
  const ast = facts.parsed.ast;
  if (!ast) return [];
  const locate = lineLocator(facts.text);
  const out: ModuleRef[] = [];
  walkLua(ast, (n) => {
    if (n.type === 'IndexExpression') {
      const table = packageTable(n.base as LuaNode);
      const key = n.index as LuaNode;
      if (!table || key.type !== 'StringLiteral' || typeof key.value !== 'string') return;
      const inner = verbatimInner(key, key.value);
      if (!inner) return;
      out.push({ name: key.value, table, form: 'index', nameRange: inner, ...locate(key.range[0]) });
    } else if (n.type === 'MemberExpression' && n.indexer === '.') {
      const table = packageTable(n.base as LuaNode);
      const id = n.identifier as LuaNode;
      if (table) out.push({ name: id.name as string, table, form: 'member', nameRange: id.range, ...locate(id.range[0]) });
    }
  });
  return out.sort((a, b) => a.nameRange[0] - b.nameRange[0]);
}

/**
 * Renames the module-name references of `files` through `rename` (undefined: unchanged).
 * Refuses (PLAN-230, file:line:col) a member-form reference that would have to change, before
 * anything is staged for that file.
 */
export function renameModuleRefs(tree: Tree, files: Iterable<string>, rename: (name: string) => string | undefined): number {
  let count = 0;
  for (const file of files) {
    const bytes = tree.read(file);
    if (!bytes) continue;
    const refs = moduleRefs(bytes, file);
    const edits: TextEdit[] = [];
    for (const ref of refs) {
      const to = rename(ref.name);
      if (to === undefined || to === ref.name) continue;
      if (ref.form === 'member') {
        throw new MigrateError(
          'PLAN-230',
          `package.${ref.table}.${ref.name} names module '${ref.name}', which this step renames to '${to}'; the field form cannot hold a dotted name`,
          {
            location: { file, line: ref.line, column: ref.column },
            hint: `write it as package.${ref.table}["${ref.name}"] (the step then rewrites it), then run 'migrate plan' again`,
          },
        );
      }
      edits.push({ start: ref.nameRange[0], end: ref.nameRange[1], text: to });
    }
    if (!edits.length) continue;
    const { text, bom } = luaFileFacts(bytes, file);
    tree.write(file, encodeLua(applyTextEdits(text, edits), bom));
    count += edits.length;
  }
  return count;
}

/** Files of `files` holding a module-name reference to one of `names` (for the step's file set). */
export function filesReferring(tree: Tree, files: Iterable<string>, names: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const f of files) {
    const b = tree.read(f);
    if (b && moduleRefs(b, f).some((r) => names.has(r.name))) out.push(f);
  }
  return out;
}
