// The exported names of a Lua module, for the runtime manifest: fields of the returned table
// (`M.x = ...`, `function M.x`, `function M:x`, `M["x"] = ...`, `local M = { x = ... }`,
// `return { x = ... }`). A module without a final return exports the globals it assigns.
import type { LuaNode } from '../../../src/parse/luaAst.ts';

const tableKeys = (t: LuaNode): string[] =>
  (t.fields as LuaNode[]).flatMap((f) =>
    f.type === 'TableKeyString'
      ? [(f.key as LuaNode).name as string]
      : f.type === 'TableKey' && (f.key as LuaNode).type === 'StringLiteral'
        ? [String((f.key as LuaNode).value)]
        : [],
  );

function memberOf(target: LuaNode, base: string): string | undefined {
  if ((target.base as LuaNode | undefined)?.type !== 'Identifier' || (target.base as LuaNode).name !== base) return undefined;
  if (target.type === 'MemberExpression') return (target.identifier as LuaNode).name as string;
  if (target.type === 'IndexExpression' && (target.index as LuaNode).type === 'StringLiteral') return String((target.index as LuaNode).value);
  return undefined;
}

export function moduleExports(chunk: LuaNode): string[] {
  const body = chunk.body as LuaNode[];
  const ret = [...body].reverse().find((s) => s.type === 'ReturnStatement');
  const names = new Set<string>();
  const value = (ret?.arguments as LuaNode[] | undefined)?.[0];
  if (!ret) {
    for (const s of body) {
      if (s.type === 'AssignmentStatement') for (const v of s.variables as LuaNode[]) if (v.type === 'Identifier') names.add(v.name as string);
      if (s.type === 'FunctionDeclaration' && !s.isLocal && (s.identifier as LuaNode | null)?.type === 'Identifier')
        names.add((s.identifier as LuaNode).name as string);
    }
  } else if (value?.type === 'TableConstructorExpression') {
    tableKeys(value).forEach((k) => names.add(k));
  } else if (value?.type === 'Identifier') {
    const m = value.name as string;
    for (const s of body) {
      if (s.type === 'LocalStatement' || s.type === 'AssignmentStatement') {
        const vars = s.variables as LuaNode[];
        vars.forEach((v, i) => {
          const init = (s.init as LuaNode[])[i];
          if (v.type === 'Identifier' && v.name === m && init?.type === 'TableConstructorExpression') tableKeys(init).forEach((k) => names.add(k));
          const key = memberOf(v, m);
          if (key) names.add(key);
        });
      }
      if (s.type === 'FunctionDeclaration' && s.identifier) {
        const key = memberOf(s.identifier as LuaNode, m);
        if (key) names.add(key);
      }
    }
  }
  return [...names].sort();
}
