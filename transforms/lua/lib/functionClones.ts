// Top-level function declarations as movable units for lua/extract-function-clone: the
// declared name, the "tail" (from the parameter list to `end`, identical across type-1
// clones, similar across near clones) and whether the function closes over file locals (then it cannot move).
import { walkLua, type LuaNode } from '../../../src/parse/luaAst.ts';

export interface FunctionUnit {
  /** `local function f` -> kind local, target `f`; `function M.f` -> kind member, target `M.f`. */
  kind: 'local' | 'member';
  target: string;
  /** Exported field / local name (`f`). */
  name: string;
  range: [number, number];
  tail: string;
  /** Number of parameters (`...` counts as one): near clones are grouped only at equal arity. */
  arity: number;
  freeLocals: string[];
}

export function functionUnits(chunk: LuaNode, text: string): FunctionUnit[] {
  const out: FunctionUnit[] = [];
  for (const st of chunk.body as LuaNode[]) {
    if (st.type !== 'FunctionDeclaration' || !st.identifier) continue;
    const id = st.identifier as LuaNode;
    let kind: FunctionUnit['kind'];
    let name: string;
    if (st.isLocal && id.type === 'Identifier') {
      kind = 'local';
      name = id.name as string;
    } else if (id.type === 'MemberExpression' && id.indexer === '.' && (id.base as LuaNode).type === 'Identifier') {
      kind = 'member';
      name = (id.identifier as LuaNode).name as string;
    } else {
      continue; // globals and `M:f` methods stay where they are
    }
    const source = text.slice(st.range[0], st.range[1]);
    const paren = text.indexOf('(', id.range[1]);
    const declared = new Set<string>(kind === 'local' ? [name] : []);
    const used = new Set<string>();
    walkLua(st, (n) => {
      if (n.type === 'LocalStatement' || n.type === 'ForGenericStatement') for (const v of n.variables as LuaNode[]) declared.add(v.name as string);
      if (n.type === 'ForNumericStatement') declared.add((n.variable as LuaNode).name as string);
      if (n.type === 'FunctionDeclaration') {
        for (const p of n.parameters as LuaNode[]) if (p.type === 'Identifier') declared.add(p.name as string);
        if (n !== st && n.isLocal && n.identifier) declared.add((n.identifier as LuaNode).name as string);
      }
      if (n.type === 'Identifier' && n.isLocal === true && n !== id) used.add(n.name as string);
    });
    // The member base (`M` of `function M.f`) is part of the header, not of the body.
    if (kind === 'member') {
      const base = (id.base as LuaNode).name as string;
      const bodyUsesBase = (st.body as LuaNode[]).some((b) => {
        let hit = false;
        walkLua(b, (n) => {
          if (n.type === 'Identifier' && n.name === base && n.isLocal === true) hit = true;
        });
        return hit;
      });
      if (!bodyUsesBase) used.delete(base);
    }
    out.push({
      kind,
      target: text.slice(id.range[0], id.range[1]),
      name,
      range: st.range,
      tail: source.slice(paren - st.range[0]),
      arity: (st.parameters as LuaNode[]).length,
      freeLocals: [...used].filter((u) => !declared.has(u)).sort(),
    });
  }
  return out;
}
