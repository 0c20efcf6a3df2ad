// Clone-unit facts of one file: the one-walk extraction keeps the documented semantics (the
// whole-file type-1 hash is the comment-free, whitespace-squeezed text; units are slices of the
// file's token stream) and survives call statements with a table argument (`f{...}`).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cloneUnits, fileAuditFacts } from '../../src/audit/luaUnits.ts';
import { FileType1Hasher } from '../../src/audit/fileType1.ts';
import { loadProject, EXAMPLE_DIR } from '../../src/config/loadProject.ts';
import { listLuaFiles } from '../../src/graph/luaFiles.ts';
import type { LuaNode } from '../../src/parse/luaAst.ts';
import { parseLua } from '../../src/parse/luaSource.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';

/** The definition: comments -> ' ', then /\s+/ -> ' ' between two word chars, else ''. */
function referenceType1(text: string, comments: LuaNode[]): string {
  let out = '';
  let pos = 0;
  for (const c of comments) {
    out += text.slice(pos, c.range[0]);
    out += ' ';
    pos = c.range[1];
  }
  out += text.slice(pos);
  const word = (c: string | undefined): boolean => c !== undefined && /\w/.test(c);
  out = out.replace(/\s+/g, (m: string, at: number, all: string) => (word(all[at - 1]) && word(all[at + m.length]) ? ' ' : ''));
  return createHash('sha1').update(out, 'latin1').digest('hex');
}

const parse = (src: string) => {
  const p = parseLua(src, 'x.lua', { lean: true });
  return { text: p.text, ast: p.ast!, comments: ((p.ast as unknown as LuaNode).comments as LuaNode[]) ?? [] };
};

describe('file audit facts', () => {
  it('the whole-file type-1 hash matches its definition on every example file and on edge cases', () => {
    const project = loadProject({ project: EXAMPLE_DIR, cwd: EXAMPLE_DIR });
    const ws = new DiskWorkspace(project.root);
    const samples = listLuaFiles(project.config, ws).map((f) => ws.read(f)!.toString('latin1'));
    samples.push('  local\u00a0x = 1 -- c\n--[[ block ]]return\tx  ', 'local a--[[c]]b = 1', '--only a comment', '', 'x=1\r\n\r\n\v\fy=2');
    for (const src of samples) {
      const p = parseLua(src, 'x.lua', { lean: true });
      if (!p.ast) continue;
      const comments = ((p.ast as unknown as LuaNode).comments as LuaNode[]) ?? [];
      expect(new FileType1Hasher().key(p.text, comments)).toBe(referenceType1(p.text, comments));
    }
  });

  it('units are slices of the file token stream, with their own type-2 renaming', () => {
    const a = parse('local function f(a, b)\n  local t = { a, b, "x", 1, true }\n  return t[1] + t[2] + #t + a * b - (a or b)\nend\n');
    const b = parse('-- renamed\nlocal function g(p, q)\n  local r = { p, q, "y", 2, false }\n  return r[1] + r[2] + #r + p * q - (p or q)\nend\n');
    const fa = fileAuditFacts(a.text, a.ast);
    const fb = fileAuditFacts(b.text, b.ast);
    expect(fa.units).toHaveLength(1);
    const [ua] = fa.units;
    const [ub] = fb.units;
    expect(ua).toMatchObject({ kind: 'function', name: 'f', startLine: 1, endLine: 4 });
    expect(ub).toMatchObject({ kind: 'function', name: 'g', startLine: 2, endLine: 5 });
    expect(ua!.type1).not.toBe(ub!.type1);
    expect(ua!.type2).toBe(ub!.type2);
    // The same function alone in a file: its unit is the same slice of tokens.
    const alone = parse(a.text.replace('local function', '\n\nlocal function'));
    const [ualone] = fileAuditFacts(alone.text, alone.ast).units;
    expect(ualone).toMatchObject({ type1: ua!.type1, nodes: ua!.nodes, startLine: 3 });
    const [file, unit] = cloneUnits('a.lua', a.text, a.text.length, fa);
    expect(file).toMatchObject({ kind: 'file', name: 'a.lua', bytes: a.text.length, type1: fa.type1 });
    expect(unit).toMatchObject({ path: 'a.lua', kind: 'function', nodes: ua!.nodes, bytes: ua!.end - ua!.start });
    if (unit!.tokens) expect([...unit!.tokens]).toEqual([...fa.tokens.subarray(ua!.from, ua!.from + ua!.nodes)]);
  });

  it('a call statement with a table argument (`f{...}`) is a unit like f({...})', () => {
    const fields = Array.from({ length: 8 }, (_, i) => `k${i} = ${i}`).join(', ');
    const a = parse(`register{ ${fields}, run = function(x) return x + 1 end }\n`);
    const b = parse(`register({ ${fields}, run = function(x) return x + 1 end })\n`);
    const [ta] = fileAuditFacts(a.text, a.ast).units;
    const [tb] = fileAuditFacts(b.text, b.ast).units;
    expect(ta).toMatchObject({ kind: 'table', name: 'register' });
    expect(ta!.type1).toBe(tb!.type1);
  });
});
