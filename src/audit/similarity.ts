// Token-sequence similarity for near-duplicates: the Dice coefficient of the two units' token
// trigram multisets, 2 * |A ∩ B| / (|A| + |B|). Tokens are interned to integers and each
// unit's trigrams kept as one sorted Float64Array, so scoring a pair is a linear merge with
// no allocation (an LCS diff per pair cost ~50 s on the example; this costs milliseconds).
// The unified diff shown to users is computed separately, only for reported pairs.

// Token ids: one interning table per token kind (node head, identifier, string, number, ...),
// so serialising a tree never builds a string per token just to look it up.
const interned: Map<string, number>[] = [];
let nextId = 0;

/** A process-wide integer id for a token of `kind` with text `value`. */
export function tokenId(kind: number, value: string): number {
  const table = (interned[kind] ??= new Map());
  let id = table.get(value);
  if (id === undefined) table.set(value, (id = nextId++));
  return id;
}

export type Shingles = Float64Array;

/** Sorted trigram codes of a token-id sequence (a unit under three tokens is its own trigram). */
export function shingles(ids: number[]): Shingles {
  if (ids.length < 3) return Float64Array.of(ids.reduce((h, x) => h * 1_000_003 + (x & 0x1ffff) + 1, 0));
  const out = new Float64Array(ids.length - 2);
  // 17 bits of each id keep a*2^34 + b*2^17 + c exact in a double; ids past 2^17 may collide,
  // which only nudges a similarity estimate.
  for (let i = 0; i + 2 < ids.length; i++) out[i] = (ids[i]! & 0x1ffff) * 17_179_869_184 + (ids[i + 1]! & 0x1ffff) * 131_072 + (ids[i + 2]! & 0x1ffff);
  return out.sort();
}

/** Dice similarity of two sorted shingle arrays, in [0, 1]. */
export function shingleSimilarity(a: Shingles, b: Shingles): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * common) / total;
}

/** Upper bound of the similarity from the sizes alone. */
export const sizeBound = (m: number, n: number): number => (m + n === 0 ? 1 : (2 * Math.min(m, n)) / (m + n));
