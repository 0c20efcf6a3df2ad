// The duplication audit's findings as reports/audit.json lists them (docs/audit.md), and the
// groups its passes (duplicates.ts, nearDuplicates.ts) build them from.
import type { CloneUnit, FileAuditFacts, UnitKind } from './luaUnits.ts';

export type DuplicateKind = 'exact-file' | 'type-1' | 'type-2' | 'near' | 'drifted';

export interface AuditFile {
  path: string;
  /** Module name, when the file is a module. */
  module?: string;
  text: string;
  /** What the duplication audit needs from the parsed file (luaUnits.ts); absent when it does not parse. */
  facts?: FileAuditFacts;
  /** sha256 of the bytes. */
  hash: string;
  bytes: number;
  processes: string[];
}

export interface DuplicateMember {
  path: string;
  module?: string;
  /** The unit's name in the source (`M.deepCopy`, `if (line 3)`, the path for files). */
  name: string;
  startLine: number;
  endLine: number;
  bytes: number;
  processes: string[];
}

export interface VariantDiff {
  from: string;
  to: string;
  similarity: number;
  /** Unified diff of the two variants' text (truncated past MAX_PATCH_CHARS). */
  patch: string;
}

export interface DuplicateFinding {
  id: string;
  kind: DuplicateKind;
  unit: UnitKind;
  /** 1 for exact/type-1/type-2; the lowest pairwise token similarity otherwise. */
  similarity: number;
  members: DuplicateMember[];
  processes: string[];
  /** Bytes of the largest copy. */
  bytes: number;
  /** Bytes that a single shared copy would save (all copies but the largest). */
  redundantBytes: number;
  /** Near/drifted: each variant against the first member. */
  diffs?: VariantDiff[];
  /** Drifted: the exported signatures that differ. */
  signatureChanges?: string[];
  /**
   * Near/drifted files: the other copies (exact, type-1 or type-2) of a variant, by the variant's
   * path (a diff's `from` or `to`). They are members too; each is compared through its variant.
   */
  copies?: Record<string, string[]>;
}

/** Work counters of one findDuplicates run (tests check that copies cost linearly). */
export interface DuplicateStats {
  /** Near/drifted file pairs scored. */
  filePairs: number;
  /** Unit pairs scored for near-duplicates. */
  unitPairs: number;
  /** Unified diffs computed. */
  patches: number;
}

/** A finding before ids and sums (duplicates.ts toFinding). */
export interface Group {
  kind: DuplicateKind;
  unit: UnitKind;
  similarity: number;
  units: CloneUnit[];
  diffs?: VariantDiff[];
  signatureChanges?: string[];
  copies?: Record<string, string[]>;
}

/** Items with one key, in the given order: the groups of two or more (undefined keys left out). */
export function groupBy<T>(items: T[], key: (t: T) => string | undefined): T[][] {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === undefined) continue;
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return [...m.values()].filter((g) => g.length > 1);
}

/** Similarities as reported: three decimals. */
export const round = (x: number): number => Math.round(x * 1000) / 1000;
