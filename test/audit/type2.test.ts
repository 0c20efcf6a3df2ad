// The one type-2 hasher (src/audit/type2.ts): a whole file's key is its token stream with the
// kinds its facts carry, identifiers renamed by first occurrence and literals reduced to kinds.
import { describe, expect, it } from 'vitest';
import { fileAuditFacts } from '../../src/audit/luaUnits.ts';
import { TOKEN_KIND, tokenHash } from '../../src/audit/similarity.ts';
import { Type2Hasher } from '../../src/audit/type2.ts';
import { parseLua } from '../../src/parse/luaSource.ts';

const facts = (src: string) => {
  const p = parseLua(src, 'x.lua', { lean: true });
  return fileAuditFacts(p.text, p.ast!);
};
const fileKey = (src: string): string => {
  const f = facts(src);
  return new Type2Hasher().key(f.tokens, f.kinds, 0, f.tokens.length);
};

describe('type-2 keys', () => {
  it('facts carry the kind of every token (an id from another thread needs no lexing)', () => {
    const f = facts('local n = m + 1 .. "s" return true');
    expect(f.kinds).toHaveLength(f.tokens.length);
    const kindOf = (kind: number, value: string): number[] => [...f.tokens].flatMap((id, i) => (id === tokenHash(kind, value) ? [f.kinds[i]!] : []));
    expect(kindOf(TOKEN_KIND.identifier, 'n')).toEqual([TOKEN_KIND.identifier]);
    expect(kindOf(TOKEN_KIND.identifier, 'm')).toEqual([TOKEN_KIND.identifier]);
    expect(kindOf(TOKEN_KIND.number, '1')).toEqual([TOKEN_KIND.number]);
    expect(kindOf(TOKEN_KIND.string, 's')).toEqual([TOKEN_KIND.string]);
    expect(kindOf(TOKEN_KIND.boolean, 'true')).toEqual([TOKEN_KIND.boolean]);
  });

  it('equal up to a consistent renaming and literal values, different otherwise', () => {
    const a = fileKey('local a = f(1, "x") return a');
    expect(fileKey('local b = g(2, "y") return b')).toBe(a);
    expect(fileKey('local b = g(2, "y") return c')).not.toBe(a); // not a consistent renaming
    expect(fileKey('local b = g(2, 3) return b')).not.toBe(a); // a string became a number
    expect(fileKey('local b = g(2, "y", 1) return b')).not.toBe(a);
  });

  it('a unit key is the same hasher over the unit slice of the file stream', () => {
    const body = 'for i = 1, 10 do local t = {} t[i] = i * 2 print(t[i], "v", i + 1) end';
    const f = facts(`local x = 1\n${body}\n`);
    const [unit] = f.units;
    expect(unit!.type2).toBe(new Type2Hasher().key(f.tokens, f.kinds, unit!.from, unit!.from + unit!.nodes));
  });
});
