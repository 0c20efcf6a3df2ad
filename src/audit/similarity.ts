// Token-sequence similarity for near-duplicates: the Dice coefficient of the two units' token
// trigram multisets, 2 * |A ∩ B| / (|A| + |B|). Each unit's trigrams are kept as one sorted
// Float64Array, so scoring a pair is a linear merge with no allocation (an LCS diff per pair
// cost ~50 s on the example; this costs milliseconds). The unified diff shown to users is
// computed separately, only for reported pairs.
//
// Tokens are content hashes, not interned counters: a token (kind, text) has the same 53-bit id
// in every thread, so token streams, unit hashes and trigrams computed in a worker compare with
// those of the main thread (src/audit/factsPool.ts). Two distinct tokens or trigrams collide
// with a probability around n^2 / 2^53: none in practice.

/** cyrb53 (public domain): a 53-bit hash of `kind` and `value`, exact in a double: the id of that token. */
export function tokenHash(kind: number, value: string): number {
  let h1 = 0xdeadbeef ^ kind;
  let h2 = 0x41c6ce57 ^ kind;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Token kinds: the first argument of tokenHash, and what FileAuditFacts.kinds holds per token. */
export const TOKEN_KIND = { head: 0, identifier: 1, string: 2, number: 3, boolean: 4 } as const;

export type Shingles = Float64Array;

// A token id's two halves: its low 32 bits and its high 21 bits.
const lo = (x: number): number => x >>> 0;
const hi = (x: number): number => (x / 4294967296) | 0;

/**
 * Sorted trigram codes of a token-id sequence (a unit under three tokens is its own trigram).
 * A code is two independent polynomial hashes of the trigram's token ids, over their low 32 and
 * high 21 bits (token ids are uniform hashes, so each lane collides with probability 2^-32 and
 * 2^-21): 53 bits, exact in a double.
 */
export function shingles(ids: ArrayLike<number>): Shingles {
  const n = ids.length;
  if (n < 3) {
    const l = (Math.imul(n > 0 ? lo(ids[0]!) : 0, 0x2f0b3f6b) + Math.imul(n > 1 ? lo(ids[1]!) : 0, 0x5bd1e995) + n) >>> 0;
    const h = (Math.imul(n > 0 ? hi(ids[0]!) : 0, 0x27d4eb2f) + Math.imul(n > 1 ? hi(ids[1]!) : 0, 0x165667b1) + n) & 0x1fffff;
    return Float64Array.of(h * 4294967296 + l);
  }
  const out = new Float64Array(n - 2);
  // The halves of the trigram's three tokens, slid along the sequence.
  let l0 = lo(ids[0]!);
  let l1 = lo(ids[1]!);
  let h0 = hi(ids[0]!);
  let h1 = hi(ids[1]!);
  for (let i = 0; i + 2 < n; i++) {
    const l2 = lo(ids[i + 2]!);
    const h2 = hi(ids[i + 2]!);
    const l = (Math.imul(l0, 0x2f0b3f6b) + Math.imul(l1, 0x5bd1e995) + l2) >>> 0;
    const h = (Math.imul(h0, 0x27d4eb2f) + Math.imul(h1, 0x165667b1) + h2) & 0x1fffff;
    out[i] = h * 4294967296 + l;
    l0 = l1;
    l1 = l2;
    h0 = h1;
    h1 = h2;
  }
  return out.sort();
}

/** How many trigrams `shingles` makes of `n` tokens (for size bounds before computing them). */
export const shingleCount = (n: number): number => (n < 3 ? 1 : n - 2);

/** Dice similarity of two sorted shingle arrays, in [0, 1]. */
export function shingleSimilarity(a: Shingles, b: Shingles): number {
  return similarityAtLeast(a, b, 0);
}

/**
 * shingleSimilarity(a, b) when it is >= `threshold`, else -1. The merge stops as soon as the
 * shingles left cannot lift the similarity to the threshold (most pairs scored are far apart).
 */
export function similarityAtLeast(a: Shingles, b: Shingles, threshold: number): number {
  const total = a.length + b.length;
  if (total === 0) return threshold <= 1 ? 1 : -1;
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
      continue;
    }
    if (x < y) i++;
    else j++;
    // The final count is at most common + min(shingles left on either side).
    if ((2 * (common + Math.min(a.length - i, b.length - j))) / total < threshold) return -1;
  }
  const sim = (2 * common) / total;
  return sim >= threshold ? sim : -1;
}

/** Upper bound of the similarity from the sizes alone. */
export const sizeBound = (m: number, n: number): number => (m + n === 0 ? 1 : (2 * Math.min(m, n)) / (m + n));
