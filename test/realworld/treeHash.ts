// The harness's own check that a project is back as it was: every file and symlink of a tree by
// sha256 (links by target), compared path by path. Independent of the toolkit: no journal, no
// baseline, only bytes.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/** Project-relative '/'-separated path -> 'file:<sha256>' or 'link:<target>'. */
export type TreeHashes = Map<string, string>;

export function hashTree(root: string): TreeHashes {
  const out: TreeHashes = new Map();
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const abs = path.join(root, r);
      if (e.isSymbolicLink()) out.set(r, `link:${readlinkSync(abs)}`);
      else if (e.isDirectory()) walk(r);
      else if (e.isFile()) out.set(r, `file:${createHash('sha256').update(readFileSync(abs)).digest('hex')}`);
    }
  };
  walk('');
  return out;
}

export interface TreeDifference {
  /** In both, other bytes (or another link target). */
  changed: string[];
  /** In the reference, gone now. */
  missing: string[];
  /** New now. */
  extra: string[];
}

/** `ignore(rel)`: paths left out on both sides (the toolkit's own output folders). */
export function compareTrees(reference: TreeHashes, now: TreeHashes, ignore: (rel: string) => boolean = () => false): TreeDifference {
  const diff: TreeDifference = { changed: [], missing: [], extra: [] };
  for (const [rel, h] of reference) {
    if (ignore(rel)) continue;
    const cur = now.get(rel);
    if (cur === undefined) diff.missing.push(rel);
    else if (cur !== h) diff.changed.push(rel);
  }
  for (const rel of now.keys()) if (!ignore(rel) && !reference.has(rel)) diff.extra.push(rel);
  for (const list of Object.values(diff)) list.sort();
  return diff;
}

export const isSame = (d: TreeDifference): boolean => d.changed.length + d.missing.length + d.extra.length === 0;

/**
 * The folders and files the toolkit writes into a project by design: the config, reports, plans,
 * state, builds, and the probe traces verify records. Not sources: rollback does not restore
 * them, so both comparisons leave them out (the lines init appends to .gitignore are taken out
 * precisely by withoutInitGitignore).
 */
export function toolkitOutput(buildDir: string): (rel: string) => boolean {
  const dirs = ['reports', 'migration-plans', '.migrate', 'traces/probes', buildDir.replace(/^\.\/+/, '').replace(/\/+$/, '')];
  return (rel) => rel === 'migrate.config.json' || dirs.some((d) => rel === d || rel.startsWith(`${d}/`));
}

const GITIGNORE_HEADER = '# ao-federate (migrate) outputs';
const sha = (b: Buffer): string => `file:${createHash('sha256').update(b).digest('hex')}`;

/**
 * `now` with the block `migrate init` appends to .gitignore (src/config/gitignore.ts: a header
 * line and `/<folder>/` lines, after the project's own bytes) taken back out, so the since-input
 * comparison treats it like the other toolkit outputs; any other change to .gitignore still shows.
 */
export function withoutInitGitignore(root: string, reference: TreeHashes, now: TreeHashes): TreeHashes {
  const file = path.join(root, '.gitignore');
  if (!existsSync(file)) return now;
  const text = readFileSync(file);
  const at = text.indexOf(GITIGNORE_HEADER);
  if (at < 0) return now;
  const block = text.subarray(at).toString('latin1').split(/\r?\n/).slice(1).filter(Boolean);
  if (!block.every((l) => /^\/[^\s]+\/$/.test(l))) return now;
  const out = new Map(now);
  // The project's bytes before the block, without the separator init added (one or two line ends).
  const head = text.subarray(0, at);
  const candidates = [head, head.subarray(0, head.length - 1), head.subarray(0, head.length - 2), head.subarray(0, Math.max(0, head.length - 4))];
  const was = reference.get('.gitignore');
  if (was === undefined && at === 0) out.delete('.gitignore');
  else if (was !== undefined && candidates.some((c) => sha(c) === was)) out.set('.gitignore', was);
  return out;
}
