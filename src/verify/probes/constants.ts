// Numbers the code names: `MAX_LEVEL = 100`, `local LIMIT = 5`, `{ maxLevel = g.MAX_LEVEL or 100 }`,
// `M.MAX_SLOTS = 5`. Code compares values with such names more often than with bare literals
// (`level > lim.maxLevel`, `slot > saves.MAX_SLOTS`); the numbers a name is given anywhere in
// the closure are that comparison's boundaries (dataShape.ts), probed on each side (variants.ts).
import type { LuaNode } from '../../parse/luaAst.ts';
import { identName as ident, walkLua } from '../../parse/luaAst.ts';

/** The number an expression gives when it is a literal or ends in one (`x or 100`, `-1`). */
function numberOf(e: LuaNode | undefined): number | undefined {
  if (!e) return undefined;
  if (e.type === 'NumericLiteral') return e.value as number;
  if (e.type === 'UnaryExpression' && e.operator === '-' && (e.argument as LuaNode).type === 'NumericLiteral')
    return -((e.argument as LuaNode).value as number);
  if (e.type === 'LogicalExpression' && e.operator === 'or') return numberOf(e.right as LuaNode);
  return undefined;
}

/** Each value a name is given under `root`: `local X = e`, `M.X = e`, `X = e` in a table constructor. */
function eachNamed(root: LuaNode, visit: (name: string | undefined, e: LuaNode | undefined) => void): void {
  walkLua(root, (n) => {
    if (n.type === 'LocalStatement' || n.type === 'AssignmentStatement') {
      const vars = (n.variables as LuaNode[]) ?? [];
      ((n.init as LuaNode[]) ?? []).forEach((e, i) => {
        const v = vars[i];
        visit(ident(v) ?? (v?.type === 'MemberExpression' ? ident(v.identifier as LuaNode) : undefined), e);
      });
    }
    if (n.type === 'TableKeyString') visit(ident(n.key as LuaNode), n.value as LuaNode);
  });
}

/** Name -> the numbers it is given anywhere under `root` (at most 4 per name, in source order). */
export function namedNumbers(root: LuaNode): Map<string, number[]> {
  const out = new Map<string, number[]>();
  eachNamed(root, (name, e) => {
    const v = numberOf(e);
    if (name === undefined || v === undefined || !Number.isFinite(v)) return;
    const list = out.get(name) ?? [];
    if (!list.includes(v) && list.length < 4) list.push(v);
    out.set(name, list);
  });
  return out;
}

/** The strings of a list of string literals (`{ "hp", "attack", "defense" }`), two or more. */
function stringsOf(e: LuaNode | undefined): string[] | undefined {
  if (e?.type !== 'TableConstructorExpression') return undefined;
  const fields = (e.fields as LuaNode[]) ?? [];
  const values = fields.map((f) =>
    f.type === 'TableValue' && (f.value as LuaNode).type === 'StringLiteral' ? ((f.value as LuaNode).value as string) : undefined,
  );
  return values.length >= 2 && values.every((v) => v !== undefined) ? (values as string[]) : undefined;
}

/**
 * Name -> the list of names it is given under `root` (`M.STAT_KEYS = { "hp", "attack", ... }`,
 * `Stats = { ... }` in a table; the first list a name is given). Code walks such a list to read
 * a record field by field (`for _, stat in ipairs(enums.Stats) do ... ivs[stat]`): those are
 * the record's fields (dataShape.ts).
 */
export function namedLists(root: LuaNode): Map<string, string[]> {
  const out = new Map<string, string[]>();
  eachNamed(root, (name, e) => {
    const list = stringsOf(e);
    if (name !== undefined && list && !out.has(name)) out.set(name, list);
  });
  return out;
}

/** What the closure names: numbers (limits) and lists of names (a record's fields). */
export interface NamedConstants {
  numbers: Map<string, number[]>;
  lists: Map<string, string[]>;
}

export const namedConstants = (root: LuaNode): NamedConstants => ({ numbers: namedNumbers(root), lists: namedLists(root) });

/** The name a comparison operand reads a constant by: `MAX`, `lim.maxLevel`, `M.MAX_SLOTS`. */
export function constantName(n: LuaNode): string | undefined {
  if (n.type === 'Identifier') return n.name as string;
  if (n.type === 'MemberExpression') return ident(n.identifier as LuaNode);
  return undefined;
}
