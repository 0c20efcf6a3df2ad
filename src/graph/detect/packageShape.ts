// An APM-style package entry: the file returns a constructor (`return newmodule`, or `return
// function(cfg) ... end`) and registers its handlers only inside it, so loading the file
// registers nothing. It is built with `amalg.lua -s` like a process, but the processes are the
// files that call the constructor; taken as a process, it has no handler to verify.
import type { Chunk } from 'luaparse';
import type { LuaNode } from '../../parse/luaAst.ts';

/** The function a chunk's final `return` gives back, when it is one the chunk defines. */
function returnedFunction(body: LuaNode[]): LuaNode | undefined {
  const last = body[body.length - 1];
  const args = last?.type === 'ReturnStatement' ? (last.arguments as LuaNode[]) : [];
  if (args.length !== 1) return undefined;
  const arg = args[0]!;
  if (arg.type === 'FunctionDeclaration') return arg;
  if (arg.type !== 'Identifier') return undefined;
  for (const s of body) {
    if (s.type === 'FunctionDeclaration' && (s.identifier as LuaNode | null)?.type === 'Identifier' && (s.identifier as LuaNode).name === arg.name) return s;
    if (s.type === 'LocalStatement' || s.type === 'AssignmentStatement') {
      const vars = s.variables as LuaNode[];
      const i = vars.findIndex((v) => v.type === 'Identifier' && v.name === arg.name);
      const init = i >= 0 ? (s.init as LuaNode[])[i] : undefined;
      if (init?.type === 'FunctionDeclaration') return init;
    }
  }
  return undefined;
}

/**
 * true when `ast` is a package constructor: it returns a function it defines, and every one of
 * its `registrations` (countHandlerRegistrations of the whole file, > 0) lies inside that function.
 */
export function isPackageConstructor(ast: Chunk, registrations: number, count: (node: Chunk) => number): boolean {
  if (registrations === 0) return false;
  const fn = returnedFunction(ast.body as unknown as LuaNode[]);
  return !!fn && count(fn as unknown as Chunk) === registrations;
}
