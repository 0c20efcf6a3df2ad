// The audit benchmark (`npm run bench` calls it; no test times it): the Lua audit of a project
// against luaparse's bare parse of the same files, measured in the same run so the ratio does
// not depend on the machine. Bare parse = luaparse with no ranges, locations, comments or
// scope (what the parser costs by itself); the audit starts from a cold parse cache.
import path from 'node:path';
import luaparse from 'luaparse';
import { loadProject } from '../../src/config/loadProject.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { clearParseCache, listLuaFiles } from '../../src/graph/luaFiles.ts';
import { decodeLua } from '../../src/parse/luaSource.ts';
import { auditLua } from '../../src/audit/runAudit.ts';

export interface AuditBench {
  auditSeconds: number;
  bareParseSeconds: number;
  /** auditSeconds / bareParseSeconds; the target is <= 2.0. */
  ratio: number;
  /** Lua source megabytes (1e6 bytes) audited. */
  mb: number;
  /** mb / auditSeconds. */
  mbPerSec: number;
  /** Peak resident set of this process so far, in MB (2^20 bytes). */
  peakRssMb: number;
  files: number;
  duplicates: number;
  /** Best of `repeat` runs for each side. */
  runs: number;
  /** The first (untimed-for-the-ratio) audit: JIT-cold, what a one-off `migrate audit` pays. */
  firstAuditSeconds: number;
}

function bareParse(texts: string[]): number {
  const t0 = performance.now();
  for (const text of texts) {
    try {
      luaparse.parse(text, { luaVersion: '5.3', encodingMode: 'pseudo-latin1' });
    } catch {
      // A file that does not parse costs its time up to the error, as in the audit.
    }
  }
  return (performance.now() - t0) / 1000;
}

/**
 * Audits the project at `root` (a folder holding migrate.config.json). Both sides get one
 * warm-up run (JIT), then each runs `repeat` times and the best time counts (less noise on a
 * busy machine); every audit run starts from empty parse and facts caches.
 */
export function benchAudit(root: string, opts: { repeat?: number } = {}): AuditBench {
  const repeat = Math.max(1, opts.repeat ?? 3);
  const project = loadProject({ project: path.resolve(root), cwd: process.cwd() });
  const ws = new DiskWorkspace(project.root);
  const files = listLuaFiles(project.config, ws);
  const bytes = files.map((f) => ws.read(f) ?? Buffer.alloc(0));
  const texts = bytes.map((b) => decodeLua(b).text);
  const totalBytes = bytes.reduce((s, b) => s + b.length, 0);

  const audit = (): { seconds: number; duplicates: number } => {
    clearParseCache();
    // auditLua makes a new AuditSession: no facts are known.
    const t0 = performance.now();
    const report = auditLua(project.config, new DiskWorkspace(project.root), path.basename(project.root));
    return { seconds: (performance.now() - t0) / 1000, duplicates: report.duplicates.length };
  };
  // Warm-up: JIT and first-use costs fall on neither side of the ratio.
  bareParse(texts);
  const first = audit();
  let bareParseSeconds = Infinity;
  let auditSeconds = Infinity;
  let duplicates = 0;
  for (let i = 0; i < repeat; i++) {
    bareParseSeconds = Math.min(bareParseSeconds, bareParse(texts));
    const run = audit();
    auditSeconds = Math.min(auditSeconds, run.seconds);
    duplicates = run.duplicates;
  }
  const mb = totalBytes / 1e6;
  return {
    auditSeconds,
    bareParseSeconds,
    ratio: bareParseSeconds > 0 ? auditSeconds / bareParseSeconds : Infinity,
    mb,
    mbPerSec: auditSeconds > 0 ? mb / auditSeconds : Infinity,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    files: files.length,
    duplicates,
    runs: repeat,
    firstAuditSeconds: first.seconds,
  };
}

/** One line for the bench table. */
export function formatAuditBench(b: AuditBench): string {
  return `audit ${b.auditSeconds.toFixed(2)} s, bare parse ${b.bareParseSeconds.toFixed(2)} s, ratio ${b.ratio.toFixed(2)} (target <= 2.0), ${b.mb.toFixed(2)} MB at ${b.mbPerSec.toFixed(2)} MB/s, ${b.files} files, peak RSS ${Math.round(b.peakRssMb)} MB (first, JIT-cold audit ${b.firstAuditSeconds.toFixed(2)} s)`;
}
