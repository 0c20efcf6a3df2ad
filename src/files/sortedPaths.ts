// Sorted path lists, as every workspace keeps its listing: binary search, not a scan.

/** Index of `p` in the sorted `list`, or where it would go. */
export function sortedIndex(list: readonly string[], p: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The paths of the sorted `list` below folder `dir` ('' for all: a copy of the list). */
export function pathsUnder(list: readonly string[], dir: string): string[] {
  if (!dir) return list.slice();
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  const from = sortedIndex(list, prefix);
  let to = from;
  while (to < list.length && list[to]!.startsWith(prefix)) to++;
  return list.slice(from, to);
}
