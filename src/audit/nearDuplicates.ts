// Near-duplicates and drifted copies: units and whole files that are alike but not copies.
// Copies are compared once: near units and near/drifted files are scored and diffed through one
// representative per copy group (type-2 shape), the other copies join the finding, so a corpus
// with k copies of everything costs k times the work of one copy, not k² times.
import { createTwoFilesPatch } from 'diff';
import type { CloneUnit } from './luaUnits.ts';
import { shingleCount, shingles, similarityAtLeast, sizeBound, type Shingles } from './similarity.ts';
import { groupBy, round, type AuditFile, type DuplicateStats, type Group, type VariantDiff } from './duplicateTypes.ts';

export const NEAR_THRESHOLD = 0.8;
const MAX_PATCH_CHARS = 24_000;

const latin1ToDisplay = (s: string): string => Buffer.from(s, 'latin1').toString('utf8');

function patchBetween(a: CloneUnit, b: CloneUnit, textOf: (p: string) => string, stats: DuplicateStats): string {
  stats.patches++;
  const label = (u: CloneUnit) => (u.kind === 'file' ? u.path : `${u.path}:${u.startLine}-${u.endLine}`);
  const body = (u: CloneUnit) => latin1ToDisplay(textOf(u.path).slice(u.start, u.end));
  const patch = createTwoFilesPatch(label(a), label(b), body(a), body(b), '', '', { context: 2 });
  return patch.length > MAX_PATCH_CHARS ? `${patch.slice(0, MAX_PATCH_CHARS)}\n... (diff truncated)\n` : patch;
}

/**
 * Near-duplicate clusters among mid-sized units of the same kind in different files; each
 * shape is scored against the cluster centre and shown with its diff against it.
 */
export function nearGroups(units: CloneUnit[], textOf: (p: string) => string, stats: DuplicateStats): Group[] {
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
      return {
        from: `${centre.path}:${centre.startLine}`,
        to: `${m.path}:${m.startLine}`,
        similarity: round(neighbours[c]!.get(j)!),
        patch: patchBetween(centre, m, textOf, stats),
      };
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
export function driftedOrNearFiles(files: AuditFile[], fileUnits: Map<string, CloneUnit>, textOf: (p: string) => string, stats: DuplicateStats): Group[] {
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
  }))
    pairUp(set);

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
    for (const [rep, list] of [
      [pa, ca],
      [pb, cb],
    ] as const) {
      if (list.length > 1)
        copies[rep] = list
          .map((f) => f.path)
          .filter((p) => p !== rep)
          .sort();
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
