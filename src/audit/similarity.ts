// Token-sequence similarity for near-duplicates: 2 * common / (|a| + |b|), where common is the
// longest common subsequence found by Myers' diff (package `diff`). A bag-of-tokens bound is
// checked first (the LCS can never exceed the multiset intersection) and the diff is cut off
// as soon as it needs more edits than the threshold allows, so dissimilar pairs cost little.
import { diffArrays } from 'diff';

export function bagBound(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of b) {
    const c = counts.get(t);
    if (c) {
      common++;
      counts.set(t, c - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Similarity in [0, 1], or undefined when it is certainly below `threshold`. */
export function tokenSimilarity(a: string[], b: string[], threshold: number): number | undefined {
  const total = a.length + b.length;
  if (total === 0) return 1;
  if ((2 * Math.min(a.length, b.length)) / total < threshold) return undefined;
  if (bagBound(a, b) < threshold) return undefined;
  const maxEditLength = Math.ceil((1 - threshold) * total);
  const parts = diffArrays(a, b, { maxEditLength } as Parameters<typeof diffArrays>[2]);
  if (!parts) return undefined;
  let common = 0;
  for (const p of parts) if (!p.added && !p.removed) common += p.count ?? p.value.length;
  const sim = (2 * common) / total;
  return sim >= threshold ? sim : undefined;
}
