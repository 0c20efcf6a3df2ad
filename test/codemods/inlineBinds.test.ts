// Which file locals an extracted inline block must receive. A real script had
//   local records = {} ... Handlers.add(..., function() local records = records.getRecords() ... end)
// where the `records` read in the initializer is the OUTER local; the name-based check saw a
// `local records` in the block and passed nothing, so after extraction the handler indexed a nil
// global. bindsOf now follows Lua's scoping.
import { describe, expect, it } from 'vitest';
import { parseLuaOrThrow } from '../../src/parse/luaSource.ts';
import { asNode } from '../../src/parse/luaAst.ts';
import { bindsOf } from '../../transforms/lua/lib/inlineBlocks.ts';
import type { LuaNode } from '../../src/parse/luaAst.ts';

function binds(src: string): string[] {
  const { ast } = parseLuaOrThrow(Buffer.from(src), 'x.lua');
  const body = (asNode(ast).body as LuaNode[]).slice(1); // the first statement declares the file locals
  return bindsOf(body, 'x.lua');
}

describe('bindsOf follows Lua scoping', () => {
  it('a local initialised from the outer local of the same name binds the outer one', () => {
    expect(binds('local records, ao2 = {}, {}\nHandlers.add("R", function() local records = records.getRecords() ao2.send(records) end)')).toEqual([
      'ao2',
      'records',
    ]);
  });
  it('a local declared in the block and then used is not a bind; one out of its block is', () => {
    expect(binds('local a, b = 1, 2\nlocal a = 5\nprint(a)')).toEqual([]);
    expect(binds('local a, b = 1, 2\ndo local a = 5 end\nprint(a)')).toEqual(['a']);
    expect(binds('local f, n = 1, 2\nlocal function f() return f end\nfor i = 1, n do print(i) end')).toEqual(['n']);
    expect(binds('local x, y = 1, 2\nrepeat local y = x until y\nt = { y = 1, [x] = 2 }')).toEqual(['x']);
  });
});
