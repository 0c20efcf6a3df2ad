// What a module exports as functions, by name, with their parameter lists: a drifted copy
// (duplicates) is two files whose exported function of one name takes other parameters.
import type { Chunk } from 'luaparse';
import { asNode, type LuaNode } from '../parse/luaAst.ts';

/** The source-like name of an expression (`M.deepCopy`, `t["k"]`), the node type for others. */
export function exprName(n: LuaNode | undefined): string {
  if (!n) return '?';
  if (n.type === 'Identifier') return n.name as string;
  if (n.type === 'MemberExpression') return `${exprName(n.base as LuaNode)}${n.indexer as string}${exprName(n.identifier as LuaNode)}`;
  if (n.type === 'StringLiteral') return JSON.stringify(n.value);
  if (n.type === 'IndexExpression') return `${exprName(n.base as LuaNode)}[${exprName(n.index as LuaNode)}]`;
  return n.type;
}

/** Exported function signatures: `function M.f(a, b)` / `M.f = function(a, b)` at top level. */
export function exportedSignatures(chunk: Chunk): Map<string, string> {
  const out = new Map<string, string>();
  const params = (f: LuaNode): string => (f.parameters as LuaNode[]).map((p) => (p.type === 'VarargLiteral' ? '...' : (p.name as string))).join(', ');
  for (const s of asNode(chunk).body as LuaNode[]) {
    if (s.type === 'FunctionDeclaration' && (s.identifier as LuaNode | null)?.type === 'MemberExpression') {
      const id = s.identifier as LuaNode;
      out.set(exprName(id.identifier as LuaNode), `${exprName(id)}(${params(s)})`);
    } else if (s.type === 'AssignmentStatement') {
      (s.variables as LuaNode[]).forEach((v, i) => {
        const init = (s.init as LuaNode[])[i];
        if (v.type === 'MemberExpression' && init?.type === 'FunctionDeclaration')
          out.set(exprName(v.identifier as LuaNode), `${exprName(v)}(${params(init)})`);
      });
    }
  }
  return out;
}
