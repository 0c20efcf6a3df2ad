// Copies are compared once: a corpus with k copies (exact, type-1 or type-2) of two drifted
// files scores and diffs one pair of files, not k², and reports it as one finding listing every
// copy. Whole files that differ only in identifier names and literal values are type-2 copies,
// also when their facts come from worker threads. The example's findings stay as they were.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findDuplicates, type AuditFile, type DuplicateFinding, type DuplicateStats } from '../../src/audit/duplicates.ts';
import { fileAuditFacts } from '../../src/audit/luaUnits.ts';
import { AuditSession } from '../../src/audit/auditSession.ts';
import { auditLua, auditLuaParallel } from '../../src/audit/runAudit.ts';
import { loadProject, EXAMPLE_DIR } from '../../src/config/loadProject.ts';
import { clearParseCache } from '../../src/graph/luaFiles.ts';
import { parseLua } from '../../src/parse/luaSource.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { layoutConfig } from '../graph/helpers/layoutFixture.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The RNG module; `drift` adds a parameter to `seed` (a drifted revision). */
const rng = (
  v: string,
  opts: { drift?: boolean; name?: string; comment?: boolean } = {},
): string => `${opts.comment ? '-- vendored copy\n' : ''}local ${v}M = {}
local ${v}NAME = "${opts.name ?? 'rng'}"
local ${v}state = 0
local ${v}MOD = 2147483647
function ${v}M.seed(${v}s${opts.drift ? `, ${v}salt` : ''})
  ${v}state = (${v}s${opts.drift ? ` + (${v}salt or 0)` : ''}) % ${v}MOD
  if ${v}state <= 0 then ${v}state = ${v}state + ${v}MOD - 1 end
  return ${v}state
end
function ${v}M.next()
  ${v}state = (${v}state * 16807) % ${v}MOD
  return ${v}state
end
function ${v}M.range(${v}lo, ${v}hi)
  return ${v}lo + ${v}M.next() % (${v}hi - ${v}lo + 1)
end
function ${v}M.pick(${v}list)
  if #${v}list == 0 then return nil end
  return ${v}list[${v}M.range(1, #${v}list)]
end
function ${v}M.shuffle(${v}list)
  for ${v}i = #${v}list, 2, -1 do
    local ${v}j = ${v}M.range(1, ${v}i)
    ${v}list[${v}i], ${v}list[${v}j] = ${v}list[${v}j], ${v}list[${v}i]
  end
  return ${v}list
end
function ${v}M.name()
  return ${v}NAME .. ":" .. tostring(${v}state)
end
return ${v}M
`;

function auditFile(p: string, text: string): AuditFile {
  const parsed = parseLua(text, p, { lean: true });
  const bytes = Buffer.from(text, 'latin1');
  return {
    path: p,
    module: p
      .replace(/\.lua$/, '')
      .split('/')
      .join('.'),
    text: parsed.text,
    facts: fileAuditFacts(parsed.text, parsed.ast!),
    hash: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    processes: [p.split('/')[0]!],
  };
}

/**
 * k shards, each with its renamed copy (locals suffixed, another name string) of the RNG module
 * and of its drifted revision; shard 0 also has an exact and a reformatted (type-1) copy.
 */
function shardSources(k: number, prefix = ''): [string, string][] {
  const files: [string, string][] = [];
  for (let i = 0; i < k; i++) {
    const v = `${prefix}s${i}_`;
    files.push([`s${i}/lib/rng.lua`, rng(v, { name: `rng-${i}` })]);
    files.push([`s${i}/game/rng.lua`, rng(v, { drift: true, name: `game-rng-${i}` })]);
  }
  files.push(['vendor/a/rng.lua', rng(`${prefix}s0_`, { name: 'rng-0' })]);
  files.push(['vendor/b/rng.lua', rng(`${prefix}s0_`, { name: 'rng-0', comment: true })]);
  return files;
}
const shards = (k: number): AuditFile[] => shardSources(k).map(([p, text]) => auditFile(p, text));

const run = (files: AuditFile[]): { findings: DuplicateFinding[]; stats: DuplicateStats } => {
  const stats: DuplicateStats = { filePairs: 0, unitPairs: 0, patches: 0 };
  return { findings: findDuplicates(files, new AuditSession(), stats), stats };
};

const tmpRoot = path.resolve(here, '../tmp');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('copies are compared once', () => {
  // First in this file: the worker path must meet token ids this thread never made.
  it('facts from worker threads give the same type-2 file groups (token kinds travel with the facts)', async () => {
    mkdirSync(tmpRoot, { recursive: true });
    const root = mkdtempSync(path.join(tmpRoot, 'dup-copies-'));
    made.push(root);
    // Names and strings no other test of this file makes ids of (facts are never computed here).
    for (const [p, text] of shardSources(3, 'wk_')) {
      mkdirSync(path.join(root, 'src', path.dirname(p)), { recursive: true });
      writeFileSync(path.join(root, 'src', p), text.replace(/"(game-)?rng-/g, '"wk-$1rng-'), 'latin1');
    }
    writeFileSync(path.join(root, 'src', 'main.lua'), 'return 1\n');
    const config = layoutConfig({ sourceRoot: 'src', processes: [{ name: 'main', entry: 'src/main.lua' }] });
    clearParseCache();
    const workers = await auditLuaParallel(config, new DiskWorkspace(root), 'copies', { jobs: 3, minParallelBytes: 0, mainThreadShare: false });
    clearParseCache();
    const one = auditLua(config, new DiskWorkspace(root), 'copies');
    expect(JSON.stringify(workers)).toBe(JSON.stringify(one));
    const type2 = one.duplicates.filter((d) => d.kind === 'type-2' && d.unit === 'file');
    expect(type2.map((d) => d.members.length).sort()).toEqual([3, 5]);
    expect(one.duplicates.filter((d) => d.kind === 'drifted')).toHaveLength(1);
  });

  it('k copies of two drifted files: one scored pair, one diff, one finding listing all copies', () => {
    const counts: number[][] = [];
    for (const k of [1, 2, 4, 8]) {
      const { findings, stats } = run(shards(k));
      const drifted = findings.filter((d) => d.kind === 'drifted' || (d.kind === 'near' && d.unit === 'file'));
      expect(drifted).toHaveLength(1);
      const [f] = drifted;
      // Scored and diffed once, between the representatives (the first path of each copy group).
      expect(stats.filePairs).toBe(1);
      expect(f!.diffs!.map((d) => [d.from, d.to])).toEqual([['s0/lib/rng.lua', 's0/game/rng.lua']]);
      expect(f!.signatureChanges).toEqual(['s0_M.seed(s0_s) -> s0_M.seed(s0_s, s0_salt)']);
      expect(f!.members).toHaveLength(2 * k + 2);
      expect(f!.copies!['s0/lib/rng.lua']).toEqual(
        [...Array.from({ length: k - 1 }, (_, i) => `s${i + 1}/lib/rng.lua`), 'vendor/a/rng.lua', 'vendor/b/rng.lua'].sort(),
      );
      expect(f!.copies!['s0/game/rng.lua']).toEqual(k > 1 ? Array.from({ length: k - 1 }, (_, i) => `s${i + 1}/game/rng.lua`) : undefined);
      // The copies themselves: one group per revision, whatever k.
      const fileCopies = findings.filter((d) => d.unit === 'file' && d.kind !== 'drifted' && d.kind !== 'near');
      expect(
        fileCopies
          .filter((d) => d.kind === 'type-2')
          .map((d) => d.members.length)
          .sort((a, b) => a - b),
      ).toEqual(k > 1 ? [k, k + 2] : []);
      expect(fileCopies.filter((d) => d.kind !== 'type-2').map((d) => `${d.kind} ${d.members.length}`)).toEqual(['exact-file 2', 'type-1 3']);
      counts.push([findings.length, stats.unitPairs, stats.patches]);
    }
    // Near-unit pairs and diffs do not grow with the number of copies; findings grow linearly
    // (from k = 2 on, k = 1 having no type-2 copies): the functions the two files of a shard
    // share token for token are one type-1 finding per shard (the shards' type-2 finding
    // lists them all), never one per pair of shards.
    expect(counts.map(([, pairs, patches]) => [pairs, patches])).toEqual([counts[0]!.slice(1), counts[0]!.slice(1), counts[0]!.slice(1), counts[0]!.slice(1)]);
    const [, f2, f4, f8] = counts.map(([n]) => n!);
    expect(f8! - f4!).toBe(2 * (f4! - f2!));
  });

  it('a whole file is a type-2 copy when only identifiers and literal values differ, not when an operator does', () => {
    const base = rng('');
    const renamed = rng('x_', { name: 'other' }).replace('16807', '48271').replace('== 0', '== 1');
    const operator = base.replace('% (', '// (');
    const { findings } = run([auditFile('a/rng.lua', base), auditFile('b/rng.lua', renamed), auditFile('c/rng.lua', operator)]);
    const type2 = findings.filter((d) => d.kind === 'type-2' && d.unit === 'file');
    expect(type2.map((d) => d.members.map((m) => m.path))).toEqual([['a/rng.lua', 'b/rng.lua']]);
    const [near] = findings.filter((d) => d.kind === 'near' && d.unit === 'file');
    expect(near?.members.map((m) => m.path)).toEqual(['a/rng.lua', 'b/rng.lua', 'c/rng.lua']);
    expect(near!.copies).toEqual({ 'a/rng.lua': ['b/rng.lua'] });
  });

  it('the example keeps its findings (it has no copy group with near or drifted partners)', () => {
    const example = loadProject({ project: EXAMPLE_DIR, cwd: EXAMPLE_DIR });
    const report = auditLua(example.config, new DiskWorkspace(example.root), 'pokerogue-ao');
    const short = (p: string) => p.replace('ao-processes/', '');
    const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 10);
    const lines = report.duplicates.map((f) =>
      [
        f.id,
        f.kind,
        f.unit,
        f.similarity,
        f.bytes,
        f.redundantBytes,
        f.processes.join(','),
        f.members.map((m) => `${short(m.path)}:${m.startLine}-${m.endLine}(${m.name})`).join(' '),
        (f.diffs ?? []).map((d) => `${short(d.from)}>${short(d.to)}@${d.similarity}#${sha(d.patch)}`).join(' '),
        (f.signatureChanges ?? []).join(';'),
      ].join(' | '),
    );
    expect(lines.join('\n') + '\n').toBe(readFileSync(path.join(here, 'fixtures/example-duplicates.txt'), 'utf8'));
    expect(report.duplicates.some((d) => d.copies)).toBe(false);
  });
});
