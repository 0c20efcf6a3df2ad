// The duplication audit over every Lua source: exact file copies (same bytes), type-1 and
// type-2 clones of files, top-level functions, tables and blocks (normalised AST hashes),
// near-duplicates (token similarity >= NEAR_THRESHOLD, with the unified diff between
// variants) and drifted module copies (same module name tail or same exports, but an exported
// function's signature differs: merging them changes behaviour). Findings name paths, line
// ranges, bytes and the processes that carry each copy.
//
// Copies are compared once: near units and near/drifted files are scored and diffed through one
// representative per copy group (type-2 shape), the other copies join the finding, so a corpus
// with k copies of everything costs k times the work of one copy, not k² times.
import { createTwoFilesPatch } from 'diff';
import { cloneUnits, type CloneUnit, type FileAuditFacts, type UnitKind } from './luaUnits.ts';
import { shingleCount, shingles, similarityAtLeast, sizeBound, type Shingles } from './similarity.ts';
import { Type2Hasher } from './type2.ts';

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

interface Group {
  kind: DuplicateKind;
  unit: UnitKind;
  similarity: number;
  units: CloneUnit[];
  diffs?: VariantDiff[];
  signatureChanges?: string[];
  copies?: Record<string, string[]>;
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

function patchBetween(a: CloneUnit, b: CloneUnit, textOf: (p: string) => string, stats: DuplicateStats): string {
  stats.patches++;
  const label = (u: CloneUnit) => (u.kind === 'file' ? u.path : `${u.path}:${u.startLine}-${u.endLine}`);
  const body = (u: CloneUnit) => latin1ToDisplay(textOf(u.path).slice(u.start, u.end));
  const patch = createTwoFilesPatch(label(a), label(b), body(a), body(b), '', '', { context: 2 });
  return patch.length > MAX_PATCH_CHARS ? `${patch.slice(0, MAX_PATCH_CHARS)}\n... (diff truncated)\n` : patch;
}

/** u lies strictly inside v (same file). */
const inside = (u: CloneUnit, v: CloneUnit): boolean =>
  u.path === v.path && v.start <= u.start && u.end <= v.end && v.end - v.start > u.end - u.start;

export function findDuplicates(files: AuditFile[], stats: DuplicateStats = { filePairs: 0, unitPairs: 0, patches: 0 }): DuplicateFinding[] {
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
  // Type-2 files: the same token stream once identifiers are renamed consistently. Only files
  // with a possible partner (as many tokens, the same units' shapes) get the key computed.
  const facts = (u: CloneUnit): FileAuditFacts => byPath.get(u.path)!.facts!;
  for (const set of groupBy([...fileUnits.values()], (u) => `${facts(u).tokens.length}:${facts(u).units.map((x) => x.type2).join(',')}`)) {
    for (const u of set) u.type2 = fileType2(facts(u));
  }
  for (const set of groupBy([...fileUnits.values()], (u) => u.type2 || undefined)) {
    if (new Set(set.map((u) => u.type1)).size > 1) groups.push({ kind: 'type-2', unit: 'file', similarity: 1, units: set });
  }
  for (const set of groupBy(units, (u) => `${u.kind}:${u.type1}`)) groups.push({ kind: 'type-1', unit: set[0]!.kind, similarity: 1, units: set });
  for (const set of groupBy(units, (u) => `${u.kind}:${u.type2}`)) {
    if (new Set(set.map((u) => u.type1)).size > 1) groups.push({ kind: 'type-2', unit: set[0]!.kind, similarity: 1, units: set });
  }

  groups.push(...nearGroups(units, textOf, stats));
  groups.push(...driftedOrNearFiles(files, fileUnits, textOf, stats));

  // A unit group whose every member lies inside a member of another group is implied by it.
  // (Only copies imply their parts: a near/drifted file pair still gets its inner findings.)
  const isCopy = (h: Group): boolean => h.kind !== 'near' && h.kind !== 'drifted';
  // A group implying a unit has a member in the unit's file: only those are tried (not every
  // pair of groups), and only its members in that file (a group of k copies is not scanned
  // once per unit of another group of k copies).
  const copiesIn = new Map<string, Map<Group, CloneUnit[]>>();
  for (const h of groups) {
    if (!isCopy(h)) continue;
    for (const v of h.units) {
      let inFile = copiesIn.get(v.path);
      if (!inFile) copiesIn.set(v.path, (inFile = new Map()));
      const list = inFile.get(h);
      if (list) list.push(v);
      else inFile.set(h, [v]);
    }
  }
  const implies = (h: Group, u: CloneUnit): boolean => {
    const vs = copiesIn.get(u.path)?.get(h);
    return vs !== undefined && (h.unit === 'file' || vs.some((v) => inside(u, v)));
  };
  const kept = groups.filter((g) => g.unit === 'file' || ![...(copiesIn.get(g.units[0]!.path)?.keys() ?? [])].some((h) => h !== g && g.units.every((u) => implies(h, u))));

  const findings = kept.map((g) => toFinding(g, byPath));
  findings.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.redundantBytes - a.redundantBytes || a.members[0]!.path.localeCompare(b.members[0]!.path));
  findings.forEach((f, i) => (f.id = `D${i + 1}`));
  return findings;
}

/**
 * Near-duplicate clusters among mid-sized units of the same kind in different files; each
 * shape is scored against the cluster centre and shown with its diff against it.
 */
function nearGroups(units: CloneUnit[], textOf: (p: string) => string, stats: DuplicateStats): Group[] {
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
      stats.unitPairs++;
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
      return { from: `${centre.path}:${centre.startLine}`, to: `${m.path}:${m.startLine}`, similarity: round(neighbours[c]!.get(j)!), patch: patchBetween(centre, m, textOf, stats) };
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
 * similarity >= NEAR_THRESHOLD makes them 'near'. Copies of a file (one type-2 key: exact,
 * type-1 and type-2 copies) are one class: each pair of classes is scored and diffed once,
 * between their representatives (the first path of each), and the other copies are listed.
 */
function driftedOrNearFiles(files: AuditFile[], fileUnits: Map<string, CloneUnit>, textOf: (p: string) => string, stats: DuplicateStats): Group[] {
  const parsed = files.filter((f) => f.facts && f.bytes > 0);
  const order = new Map(parsed.map((f, i) => [f.path, i]));
  const sigs = new Map<string, Map<string, string>>();
  const sigsOf = (f: AuditFile) => sigs.get(f.path) ?? sigs.set(f.path, new Map(f.facts!.signatures)).get(f.path)!;
  const tokens = new Map<string, Shingles>();
  const tokensOf = (f: AuditFile) => tokens.get(f.path) ?? tokens.set(f.path, shingles(f.facts!.tokens)).get(f.path)!;

  // Copy classes (parsed order) and their representatives.
  const classes = new Map<string, AuditFile[]>();
  for (const f of parsed) {
    const key = fileUnits.get(f.path)!.type2 || `\0${f.path}`;
    const list = classes.get(key);
    if (list) list.push(f);
    else classes.set(key, [f]);
  }
  const repOf = new Map<string, AuditFile>();
  const classOfRep = new Map<string, AuditFile[]>();
  for (const list of classes.values()) {
    const rep = list.reduce((r, f) => (f.path < r.path ? f : r));
    for (const f of list) repOf.set(f.path, rep);
    classOfRep.set(rep.path, list);
  }

  // Pairs of classes with a member pair of the same tail or the same exported names.
  const pairs = new Set<string>();
  const pairUp = (set: AuditFile[]): void => {
    const reps = [...new Set(set.map((f) => repOf.get(f.path)!))].sort((x, y) => order.get(x.path)! - order.get(y.path)!);
    for (let i = 0; i < reps.length; i++) for (let j = i + 1; j < reps.length; j++) pairs.add(`${reps[i]!.path}\0${reps[j]!.path}`);
  };
  for (const set of groupBy(parsed, (f) => tail(f.path))) pairUp(set);
  for (const set of groupBy(parsed, (f) => {
    const names = [...sigsOf(f).keys()].sort();
    return names.length >= 2 ? names.join(',') : undefined;
  })) pairUp(set);

  const out: Group[] = [];
  for (const key of [...pairs].sort()) {
    const [pa, pb] = key.split('\0') as [string, string];
    const a = parsed[order.get(pa)!]!;
    const b = parsed[order.get(pb)!]!;
    const sa = sigsOf(a);
    const sb = sigsOf(b);
    const changes = [...sa.keys()].filter((k) => sb.has(k) && sa.get(k) !== sb.get(k)).map((k) => `${sa.get(k)} -> ${sb.get(k)}`);
    const need = changes.length ? 0.5 : NEAR_THRESHOLD;
    // The sizes alone may rule the pair out (the similarity is at most sizeBound).
    if (sizeBound(shingleCount(a.facts!.tokens.length), shingleCount(b.facts!.tokens.length)) < need) continue;
    stats.filePairs++;
    const sim = similarityAtLeast(tokensOf(a), tokensOf(b), need);
    if (sim < 0) continue;
    const ua = fileUnits.get(pa)!;
    const ub = fileUnits.get(pb)!;
    const ca = classOfRep.get(pa)!;
    const cb = classOfRep.get(pb)!;
    const copies: Record<string, string[]> = {};
    for (const [rep, list] of [[pa, ca], [pb, cb]] as const) {
      if (list.length > 1) copies[rep] = list.map((f) => f.path).filter((p) => p !== rep).sort();
    }
    out.push({
      kind: changes.length ? 'drifted' : 'near',
      unit: 'file',
      similarity: sim,
      units: [...ca, ...cb].map((f) => fileUnits.get(f.path)!),
      diffs: [{ from: pa, to: pb, similarity: round(sim), patch: patchBetween(ua, ub, textOf, stats) }],
      ...(changes.length ? { signatureChanges: changes } : {}),
      ...(ca.length > 1 || cb.length > 1 ? { copies } : {}),
    });
  }
  return out;
}

// By token stream: facts are cached by content, so copies and files unchanged since the last
// audit share their stream and the key is computed once.
const type2OfStream = new WeakMap<Float64Array, string>();
const type2 = new Type2Hasher();

/** Type-2 key of a whole file: its whole token stream through the units' hasher (type2.ts). */
function fileType2(facts: FileAuditFacts): string {
  let key = type2OfStream.get(facts.tokens);
  if (key === undefined) type2OfStream.set(facts.tokens, (key = type2.key(facts.tokens, facts.kinds, 0, facts.tokens.length)));
  return key;
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
    ...(g.copies ? { copies: g.copies } : {}),
  };
}
