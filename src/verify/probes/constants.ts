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

/** Name -> the numbers it is given anywhere under `root` (at most 4 per name, in source order). */
export function namedNumbers(root: LuaNode): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (name: string | undefined, v: number | undefined) => {
    if (name === undefined || v === undefined || !Number.isFinite(v)) return;
    const list = out.get(name) ?? [];
    if (!list.includes(v) && list.length < 4) list.push(v);
    out.set(name, list);
  };
  walkLua(root, (n) => {
    if (n.type === 'LocalStatement' || n.type === 'AssignmentStatement') {
      const vars = (n.variables as LuaNode[]) ?? [];
      ((n.init as LuaNode[]) ?? []).forEach((e, i) => {
        const v = vars[i];
        add(ident(v) ?? (v?.type === 'MemberExpression' ? ident(v.identifier as LuaNode) : undefined), numberOf(e));
      });
    }
    if (n.type === 'TableKeyString') add(ident(n.key as LuaNode), numberOf(n.value as LuaNode));
  });
  return out;
}

/** The name a comparison operand reads a constant by: `MAX`, `lim.maxLevel`, `M.MAX_SLOTS`. */
export function constantName(n: LuaNode): string | undefined {
  if (n.type === 'Identifier') return n.name as string;
  if (n.type === 'MemberExpression') return ident(n.identifier as LuaNode);
  return undefined;
}
