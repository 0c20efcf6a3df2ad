// baseline.json: the sha256 and mode of every project file before the first step, so rollback
// can prove the tree is back to the byte. Build output and plan files are left out (they are
// written by other commands and are not part of the migrated sources).
import { DiskWorkspace } from '../stage/workspace.ts';
import type { Project } from '../config/loadProject.ts';
import { PLAN_DIR } from '../plan/planFile.ts';
import { readFileBaseline, writeFileBaseline, type FileBaseline } from './journal.ts';
import { sha256 } from '../hash.ts';

function trackedFiles(project: Project): { ws: DiskWorkspace; files: string[] } {
  const ws = new DiskWorkspace(project.root);
  const skip = [`${project.config.buildDir.replace(/\/$/, '')}/`, `${PLAN_DIR}/`];
  return { ws, files: ws.list('').filter((p) => !skip.some((s) => p.startsWith(s))) };
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
    const cur = now[p];
    if (!cur) mismatches.push(`missing: ${p}`);
    else if (cur.sha256 !== f.sha256) mismatches.push(`changed: ${p}`);
    else if (cur.mode !== f.mode) mismatches.push(`mode ${f.mode.toString(8)} -> ${cur.mode.toString(8)}: ${p}`);
  }
  for (const p of Object.keys(now)) if (!base.files[p]) mismatches.push(`added: ${p}`);
  return { mismatches: mismatches.sort(), hasBaseline: true };
}
