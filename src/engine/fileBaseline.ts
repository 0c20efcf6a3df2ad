// baseline.json: the sha256 and mode of every project file before the first step, so rollback
// can prove the tree is back to the byte. The toolkit's own outputs (reports, builds, plans,
// .migrate; src/config/outputs.ts) are left out: other commands write them at any time and they
// are not part of the migrated sources.
import { DiskWorkspace } from '../stage/workspace.ts';
import type { Project } from '../config/loadProject.ts';
import { isToolkitOutput } from '../config/outputs.ts';
import { sha256 } from '../hash.ts';
import { z } from 'zod';
import path from 'node:path';
import { migrateDir, readJson } from './journalRecords.ts';
import { writeDurably } from './durableFiles.ts';

const baselineSchema = z.object({ createdAt: z.string(), files: z.record(z.string(), z.object({ sha256: z.string(), mode: z.number().int() })) });
export type FileBaseline = z.infer<typeof baselineSchema>;

export const baselinePath = (root: string): string => path.join(migrateDir(root), 'baseline.json');

export function readFileBaseline(root: string): FileBaseline | undefined {
  return readJson(baselinePath(root), baselineSchema, 'baseline.json');
}

function writeFileBaseline(root: string, baseline: FileBaseline): void {
  writeDurably(baselinePath(root), `${JSON.stringify(baseline, null, 2)}\n`);
}

function trackedFiles(project: Project): { ws: DiskWorkspace; files: string[] } {
  const ws = new DiskWorkspace(project.root);
  return { ws, files: ws.list('').filter((p) => !isToolkitOutput(project.config, p)) };
}

export function snapshotFiles(project: Project): FileBaseline {
  const { ws, files } = trackedFiles(project);
  const out: FileBaseline['files'] = {};
  for (const p of files) out[p] = { sha256: sha256(ws.read(p)!), mode: ws.mode(p) ?? 0o644 };
  return { createdAt: new Date().toISOString(), files: out };
}

export function recordFileBaseline(project: Project): void {
  writeFileBaseline(project.root, snapshotFiles(project));
}

/** Differences between the disk and baseline.json: changed, missing, added, mode changed. */
export function compareWithBaseline(project: Project): { mismatches: string[]; hasBaseline: boolean } {
  const base = readFileBaseline(project.root);
  if (!base) return { mismatches: [], hasBaseline: false };
  const now = snapshotFiles(project).files;
  const mismatches: string[] = [];
  for (const [p, f] of Object.entries(base.files)) {
    // A baseline taken by an older version may list outputs (reports/): never a difference.
    if (isToolkitOutput(project.config, p)) continue;
    const cur = now[p];
    if (!cur) mismatches.push(`missing: ${p}`);
    else if (cur.sha256 !== f.sha256) mismatches.push(`changed: ${p}`);
    else if (cur.mode !== f.mode) mismatches.push(`mode ${f.mode.toString(8)} -> ${cur.mode.toString(8)}: ${p}`);
  }
  for (const p of Object.keys(now)) if (!base.files[p]) mismatches.push(`added: ${p}`);
  return { mismatches: mismatches.sort(), hasBaseline: true };
}
