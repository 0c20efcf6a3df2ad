// The duplication audit over every Lua source: exact file copies (same bytes), type-1 and
// type-2 clones of files, top-level functions, tables and blocks (normalised AST hashes),
// near-duplicates (token similarity >= NEAR_THRESHOLD, with the unified diff between
// variants) and drifted module copies (same module name tail or same exports, but an exported
// function's signature differs: merging them changes behaviour). Findings name paths, line
// ranges, bytes and the processes that carry each copy.
//
// This file finds the copies and puts the findings in report order; near-duplicates and drifted
// copies come from nearDuplicates.ts, the finding types from duplicateTypes.ts.
import type { AuditSession } from './auditSession.ts';
import { cloneUnits, type CloneUnit, type FileAuditFacts } from './luaUnits.ts';
import { driftedOrNearFiles, nearGroups } from './nearDuplicates.ts';
import {
  groupBy,
  round,
  type AuditFile,
  type DuplicateFinding,
  type DuplicateKind,
  type DuplicateMember,
  type DuplicateStats,
  type Group,
} from './duplicateTypes.ts';

export type { AuditFile, DuplicateFinding, DuplicateKind, DuplicateMember, DuplicateStats, VariantDiff } from './duplicateTypes.ts';
export { NEAR_THRESHOLD } from './nearDuplicates.ts';

const KIND_ORDER: Record<DuplicateKind, number> = { 'exact-file': 0, drifted: 1, 'type-1': 2, 'type-2': 3, near: 4 };

/** u lies strictly inside v (same file). */
const inside = (u: CloneUnit, v: CloneUnit): boolean => u.path === v.path && v.start <= u.start && u.end <= v.end && v.end - v.start > u.end - u.start;

/** Every duplicate finding among `files`, numbered D1... in report order; `session` holds the files' type-2 keys. */
export function findDuplicates(
  files: AuditFile[],
  session: AuditSession,
  stats: DuplicateStats = { filePairs: 0, unitPairs: 0, patches: 0 },
): DuplicateFinding[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const textOf = (p: string) => byPath.get(p)!.text;
  const groups: Group[] = [];

  // Exact file copies: same bytes at different paths.
  const exactSets = groupBy(
    files.filter((f) => f.bytes > 0),
    (f) => f.hash,
  );
  const fileUnit = (f: AuditFile): CloneUnit => ({
    path: f.path,
    kind: 'file',
    name: f.path,
    start: 0,
    end: f.text.length,
    startLine: 1,
    endLine: f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0),
    bytes: f.bytes,
    nodes: 0,
    type1: '',
    type2: '',
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
  for (const set of groupBy(
    [...fileUnits.values()],
    (u) =>
      `${facts(u).tokens.length}:${facts(u)
        .units.map((x) => x.type2)
        .join(',')}`,
  )) {
    for (const u of set) u.type2 = session.fileType2(facts(u));
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
  const kept = groups.filter(
    (g) => g.unit === 'file' || ![...(copiesIn.get(g.units[0]!.path)?.keys() ?? [])].some((h) => h !== g && g.units.every((u) => implies(h, u))),
  );

  const findings = kept.map((g) => toFinding(g, byPath));
  findings.sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.redundantBytes - a.redundantBytes || a.members[0]!.path.localeCompare(b.members[0]!.path),
  );
  findings.forEach((f, i) => (f.id = `D${i + 1}`));
  return findings;
}

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
