// The duplication audit over every Lua source: exact file copies (same bytes), type-1 and
// type-2 clones of files, top-level functions, tables and blocks (normalised AST hashes),
// near-duplicates (token similarity >= NEAR_THRESHOLD, with the unified diff between
// variants) and drifted module copies (same module name tail or same exports, but an exported
// function's signature differs: merging them changes behaviour). Findings name paths, line
// ranges, bytes and the processes that carry each copy.
import { createTwoFilesPatch } from 'diff';
import { cloneUnits, type CloneUnit, type FileAuditFacts, type UnitKind } from './luaUnits.ts';
import { shingleCount, shingles, similarityAtLeast, sizeBound, type Shingles } from './similarity.ts';

export const NEAR_THRESHOLD = 0.8;
const MAX_PATCH_CHARS = 24_000;

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
}

interface Group {
  kind: DuplicateKind;
  unit: UnitKind;
  similarity: number;
  units: CloneUnit[];
  diffs?: VariantDiff[];
  signatureChanges?: string[];
}

const KIND_ORDER: Record<DuplicateKind, number> = { 'exact-file': 0, drifted: 1, 'type-1': 2, 'type-2': 3, near: 4 };

function groupBy<T>(items: T[], key: (t: T) => string | undefined): T[][] {
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

const latin1ToDisplay = (s: string): string => Buffer.from(s, 'latin1').toString('utf8');

function patchBetween(a: CloneUnit, b: CloneUnit, textOf: (p: string) => string): string {
  const label = (u: CloneUnit) => (u.kind === 'file' ? u.path : `${u.path}:${u.startLine}-${u.endLine}`);
  const body = (u: CloneUnit) => latin1ToDisplay(textOf(u.path).slice(u.start, u.end));
  const patch = createTwoFilesPatch(label(a), label(b), body(a), body(b), '', '', { context: 2 });
  return patch.length > MAX_PATCH_CHARS ? `${patch.slice(0, MAX_PATCH_CHARS)}\n... (diff truncated)\n` : patch;
}

/** u lies strictly inside v (same file). */
const inside = (u: CloneUnit, v: CloneUnit): boolean =>
  u.path === v.path && v.start <= u.start && u.end <= v.end && v.end - v.start > u.end - u.start;

export function findDuplicates(files: AuditFile[]): DuplicateFinding[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const textOf = (p: string) => byPath.get(p)!.text;
  const groups: Group[] = [];

  // Exact file copies: same bytes at different paths.
  const exactSets = groupBy(files.filter((f) => f.bytes > 0), (f) => f.hash);
  const fileUnit = (f: AuditFile): CloneUnit => ({
    path: f.path, kind: 'file', name: f.path, start: 0, end: f.text.length, startLine: 1,
    endLine: f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0), bytes: f.bytes, nodes: 0, type1: '', type2: '',
  });
  for (const set of exactSets) groups.push({ kind: 'exact-file', unit: 'file', similarity: 1, units: set.map(fileUnit) });

  const units: CloneUnit[] = [];
  const fileUnits = new Map<string, CloneUnit>();
  for (const f of files) {
    if (!f.facts || f.bytes === 0) continue;
    const us = cloneUnits(f.path, f.text, f.bytes, f.facts);
    fileUnits.set(f.path, us[0]!);
    for (let i = 1; i < us.length; i++) units.push(us[i]!);
  }

  // Type-1 files: same tokens, different bytes (whitespace, comments, line endings).
  for (const set of groupBy([...fileUnits.values()], (u) => u.type1)) {
    if (new Set(set.map((u) => byPath.get(u.path)!.hash)).size > 1) groups.push({ kind: 'type-1', unit: 'file', similarity: 1, units: set });
  }
  for (const set of groupBy(units, (u) => `${u.kind}:${u.type1}`)) groups.push({ kind: 'type-1', unit: set[0]!.kind, similarity: 1, units: set });
  for (const set of groupBy(units, (u) => `${u.kind}:${u.type2}`)) {
    if (new Set(set.map((u) => u.type1)).size > 1) groups.push({ kind: 'type-2', unit: set[0]!.kind, similarity: 1, units: set });
  }

  groups.push(...nearGroups(units, textOf));
  groups.push(...driftedOrNearFiles(files, fileUnits, groups, textOf));

  // A unit group whose every member lies inside a member of another group is implied by it.
  // (Only copies imply their parts: a near/drifted file pair still gets its inner findings.)
  const isCopy = (h: Group): boolean => h.kind !== 'near' && h.kind !== 'drifted';
  const implies = (h: Group, u: CloneUnit): boolean => isCopy(h) && h.units.some((v) => inside(u, v) || (h.unit === 'file' && v.path === u.path));
  // A group implying a unit has a member in the unit's file: only those are tried (not every pair of groups).
  const copiesIn = new Map<string, Group[]>();
  for (const h of groups) {
    if (!isCopy(h)) continue;
    for (const v of h.units) {
      const list = copiesIn.get(v.path);
      if (!list) copiesIn.set(v.path, [h]);
      else if (list[list.length - 1] !== h) list.push(h);
    }
  }
  const kept = groups.filter((g) => g.unit === 'file' || !(copiesIn.get(g.units[0]!.path) ?? []).some((h) => h !== g && g.units.every((u) => implies(h, u))));

  const findings = kept.map((g) => toFinding(g, byPath));
  findings.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.redundantBytes - a.redundantBytes || a.members[0]!.path.localeCompare(b.members[0]!.path));
  findings.forEach((f, i) => (f.id = `D${i + 1}`));
  return findings;
}

/**
 * Near-duplicate clusters among mid-sized units of the same kind in different files; each
 * shape is scored against the cluster centre and shown with its diff against it.
 */
function nearGroups(units: CloneUnit[], textOf: (p: string) => string): Group[] {
  // One representative per type-2 shape takes part in the pairwise scoring (copies of a shape
  // are clones already, and a corpus of many copies must not cost quadratically more); the
  // other copies join their representative's cluster.
  const copies = new Map<string, CloneUnit[]>();
  for (const u of units) {
    if (!u.tokens) continue;
    const key = `${u.kind}:${u.type2}`;
    const list = copies.get(key);
    if (list) list.push(u);
    else copies.set(key, [u]);
  }
  const cands = [...copies.values()].map((l) => l[0]!).sort((a, b) => a.nodes - b.nodes || a.path.localeCompare(b.path));
  const sh: Shingles[] = cands.map((u) => shingles(u.tokens!));
  const neighbours = cands.map(() => new Map<number, number>());
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i]!;
    for (let j = i + 1; j < cands.length; j++) {
      if (sizeBound(sh[i]!.length, sh[j]!.length) < NEAR_THRESHOLD) break; // sorted by size
      const b = cands[j]!;
      if (a.kind !== b.kind || a.path === b.path) continue;
      const sim = similarityAtLeast(sh[i]!, sh[j]!, NEAR_THRESHOLD);
      if (sim < 0) continue;
      neighbours[i]!.set(j, sim);
      neighbours[j]!.set(i, sim);
    }
  }
  // Greedy star clustering: the shape with the most similar neighbours becomes a centre and
  // takes its unassigned neighbours, so every member is within NEAR_THRESHOLD of the centre
  // (connected components would chain weak links into one meaningless cluster).
  const assigned = new Set<number>();
  const order = cands.map((_, i) => i).filter((i) => neighbours[i]!.size > 0);
  order.sort((x, y) => neighbours[y]!.size - neighbours[x]!.size || x - y);
  const out: Group[] = [];
  for (const c of order) {
    if (assigned.has(c)) continue;
    const members = [...neighbours[c]!.keys()].filter((j) => !assigned.has(j));
    if (members.length === 0) continue;
    assigned.add(c);
    for (const j of members) assigned.add(j);
    const centre = cands[c]!;
    const shapes = members.sort((x, y) => cands[x]!.path.localeCompare(cands[y]!.path) || cands[x]!.start - cands[y]!.start);
    const diffs: VariantDiff[] = shapes.map((j) => {
      const m = cands[j]!;
      return { from: `${centre.path}:${centre.startLine}`, to: `${m.path}:${m.startLine}`, similarity: round(neighbours[c]!.get(j)!), patch: patchBetween(centre, m, textOf) };
    });
    const all = [c, ...shapes].flatMap((i) => copies.get(`${cands[i]!.kind}:${cands[i]!.type2}`)!);
    out.push({ kind: 'near', unit: centre.kind, similarity: Math.min(...diffs.map((d) => d.similarity)), units: all, diffs });
  }
  return out;
}

const tail = (p: string): string => p.slice(p.lastIndexOf('/') + 1).replace(/\.lua$/, '');

/**
 * Whole-file variants: files with the same name tail or the same exported names that are not
 * copies. An exported function with another signature makes them 'drifted'; otherwise a
 * similarity >= NEAR_THRESHOLD makes them 'near'.
 */
function driftedOrNearFiles(files: AuditFile[], fileUnits: Map<string, CloneUnit>, groups: Group[], textOf: (p: string) => string): Group[] {
  const parsed = files.filter((f) => f.facts && f.bytes > 0);
  const sigs = new Map(parsed.map((f) => [f.path, new Map(f.facts!.signatures)]));
  const tokens = new Map<string, Shingles>();
  const tokensOf = (f: AuditFile) => tokens.get(f.path) ?? tokens.set(f.path, shingles(f.facts!.tokens)).get(f.path)!;
  const sameCopy = new Set<string>();
  for (const g of groups) if (g.unit === 'file') for (const a of g.units) for (const b of g.units) sameCopy.add(`${a.path}\0${b.path}`);
  const pairs = new Set<string>();
  for (const set of groupBy(parsed, (f) => tail(f.path))) for (let i = 0; i < set.length; i++) for (let j = i + 1; j < set.length; j++) pairs.add(`${set[i]!.path}\0${set[j]!.path}`);
  for (const set of groupBy(parsed, (f) => {
    const names = [...sigs.get(f.path)!.keys()].sort();
    return names.length >= 2 ? names.join(',') : undefined;
  })) for (let i = 0; i < set.length; i++) for (let j = i + 1; j < set.length; j++) pairs.add(`${set[i]!.path}\0${set[j]!.path}`);

  const out: Group[] = [];
  const byPath = new Map(parsed.map((f) => [f.path, f]));
  for (const key of [...pairs].sort()) {
    if (sameCopy.has(key)) continue;
    const [pa, pb] = key.split('\0') as [string, string];
    const a = byPath.get(pa)!;
    const b = byPath.get(pb)!;
    const sa = sigs.get(pa)!;
    const sb = sigs.get(pb)!;
    const changes = [...sa.keys()].filter((k) => sb.has(k) && sa.get(k) !== sb.get(k)).map((k) => `${sa.get(k)} -> ${sb.get(k)}`);
    const need = changes.length ? 0.5 : NEAR_THRESHOLD;
    // The sizes alone may rule the pair out (the similarity is at most sizeBound).
    if (sizeBound(shingleCount(a.facts!.tokens.length), shingleCount(b.facts!.tokens.length)) < need) continue;
    const sim = similarityAtLeast(tokensOf(a), tokensOf(b), need);
    if (sim < 0) continue;
    const ua = fileUnits.get(pa)!;
    const ub = fileUnits.get(pb)!;
    out.push({
      kind: changes.length ? 'drifted' : 'near',
      unit: 'file',
      similarity: sim,
      units: [ua, ub],
      diffs: [{ from: pa, to: pb, similarity: round(sim), patch: patchBetween(ua, ub, textOf) }],
      ...(changes.length ? { signatureChanges: changes } : {}),
    });
  }
  return out;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function toFinding(g: Group, byPath: Map<string, AuditFile>): DuplicateFinding {
  const members: DuplicateMember[] = g.units.map((u) => {
    const f = byPath.get(u.path)!;
    return {
      path: u.path,
      ...(f.module ? { module: f.module } : {}),
      name: u.name,
      startLine: u.startLine,
      endLine: u.endLine,
      bytes: u.kind === 'file' ? f.bytes : u.bytes,
      processes: f.processes,
    };
  });
  members.sort((a, b) => a.path.localeCompare(b.path) || a.startLine - b.startLine);
  const processes = [...new Set(members.flatMap((m) => m.processes))].sort();
  const sizes = members.map((m) => m.bytes);
  const bytes = Math.max(...sizes);
  return {
    id: '',
    kind: g.kind,
    unit: g.unit,
    similarity: round(g.similarity),
    members,
    processes,
    bytes,
    redundantBytes: sizes.reduce((s, x) => s + x, 0) - bytes,
    ...(g.diffs ? { diffs: g.diffs } : {}),
    ...(g.signatureChanges ? { signatureChanges: g.signatureChanges } : {}),
  };
}
