// Module-level duplicates for story 36.1: files with identical bytes (merged automatically)
// and drifted copies, same file name at several paths with similar but different content
// (decision steps, never merged without the user). Function-level clones are the audit's job.
import { createTwoFilesPatch, diffLines } from 'diff';
import type { ProjectConfig } from '../../config/projectConfig.ts';
import type { Workspace } from '../../files/tree.ts';
import { isRuntimePath } from '../../../transforms/lua/lib/luaProject.ts';
import { moduleNameForPath, packageFiles } from '../../graph/resolveRequire.ts';
import { sha256 } from '../../hash.ts';

export interface ModuleFile {
  path: string;
  name: string;
}

/** Reachable, non-entry, non-runtime module files (one path per real file). */
export function candidateModules(ws: Workspace, config: ProjectConfig, reachable: Set<string>): ModuleFile[] {
  const entries = new Set(config.processes.map((p) => p.entry));
  // A file required by its config.packages name (an APM package) is never merged or moved: its callers do not spell its path.
  const packaged = packageFiles(config);
  return [...reachable]
    .filter((p) => !entries.has(p) && !isRuntimePath(config, p) && !packaged.has(p))
    .map((path) => ({ path, name: moduleNameForPath(config, path)! }))
    .filter((m) => m.name)
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Shared folders first, then the shortest path: the copy that becomes the runtime module. */
function canonicalFirst(config: ProjectConfig, files: ModuleFile[]): ModuleFile[] {
  const processDirs = config.processes.map((p) => p.entry.slice(0, p.entry.lastIndexOf('/') + 1));
  const inProcess = (f: ModuleFile) => (processDirs.some((d) => f.path.startsWith(d)) ? 1 : 0);
  return [...files].sort((a, b) => inProcess(a) - inProcess(b) || a.path.length - b.path.length || a.path.localeCompare(b.path));
}

export function exactCopyGroups(ws: Workspace, config: ProjectConfig, modules: ModuleFile[]): ModuleFile[][] {
  const byHash = new Map<string, ModuleFile[]>();
  for (const m of modules) {
    const h = sha256(ws.read(m.path)!);
    byHash.set(h, [...(byHash.get(h) ?? []), m]);
  }
  return [...byHash.values()].filter((g) => g.length > 1).map((g) => canonicalFirst(config, g));
}

/** Lines as diffLines splits them (each with its line ending). */
const lineTokens = (s: string): string[] => s.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/**
 * true when lineSimilarity(a, b) may reach `min`: the lines both share (as multisets) bound the
 * lines a diff keeps, so most dissimilar pairs are ruled out without a diff. The planner
 * compares blocks and files of every process pairwise; diffs made that quadratic in earnest.
 */
export function mayBeSimilar(a: string, b: string, min: number): boolean {
  const la = lineTokens(a);
  const lb = lineTokens(b);
  if (la.length + lb.length === 0) return true;
  if ((2 * Math.min(la.length, lb.length)) / (la.length + lb.length) < min) return false;
  const counts = new Map<string, number>();
  for (const l of la) counts.set(l, (counts.get(l) ?? 0) + 1);
  let shared = 0;
  for (const l of lb) {
    const n = counts.get(l);
    if (n) {
      shared++;
      counts.set(l, n - 1);
    }
  }
  return (2 * shared) / (la.length + lb.length) >= min;
}

/** lineSimilarity(a, b) >= min, diffing only pairs the shared lines do not rule out. */
export const similarEnough = (a: string, b: string, min: number): boolean => mayBeSimilar(a, b, min) && lineSimilarity(a, b) >= min;

/** Dice coefficient over lines: 2 * common / (lines of a + lines of b). */
export function lineSimilarity(a: string, b: string): number {
  let common = 0;
  let total = 0;
  for (const part of diffLines(a, b)) {
    const n = part.count ?? 0;
    total += part.added || part.removed ? n : 2 * n;
    if (!part.added && !part.removed) common += n;
  }
  return total === 0 ? 1 : (2 * common) / total;
}

export interface DriftGroup {
  fileName: string;
  variants: ModuleFile[];
  similarity: number;
  diff: string;
}

/** Same file name, different bytes, at least `minSimilarity` of their lines in common. */
export function driftedGroups(ws: Workspace, config: ProjectConfig, modules: ModuleFile[], minSimilarity = 0.6): DriftGroup[] {
  const byFile = new Map<string, ModuleFile[]>();
  for (const m of modules) {
    const base = m.path.slice(m.path.lastIndexOf('/') + 1);
    byFile.set(base, [...(byFile.get(base) ?? []), m]);
  }
  const out: DriftGroup[] = [];
  for (const [fileName, group] of byFile) {
    if (group.length < 2) continue;
    const ordered = canonicalFirst(config, group);
    const text = (m: ModuleFile) => ws.read(m.path)!.toString('latin1');
    const first = ordered[0]!;
    const variants = ordered.filter((m) => m === first || similarEnough(text(first), text(m), minSimilarity));
    const distinct = new Set(variants.map((v) => sha256(ws.read(v.path)!)));
    if (variants.length < 2 || distinct.size < 2) continue;
    const other = variants.find((v) => !ws.read(v.path)!.equals(ws.read(first.path)!))!;
    out.push({
      fileName,
      variants,
      similarity: Math.round(lineSimilarity(text(first), text(other)) * 1000) / 1000,
      diff: createTwoFilesPatch(first.path, other.path, text(first), text(other)),
    });
  }
  return out;
}
