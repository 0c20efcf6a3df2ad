// Unified diffs of a changeset: renderDiff for people (UTF-8 decoded, optional colour) and
// toGitPatch for `git apply` (git headers for new/deleted files, renames and mode changes;
// files that are not valid UTF-8 text go out as a `GIT binary patch`, so every byte survives).
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { structuredPatch } from 'diff';
import pc from 'picocolors';
import type { FileChange } from '../files/tree.ts';

const CONTEXT = 3;

/** Text when the bytes are UTF-8 without NUL (round-trips exactly), else undefined. */
export function asText(b: Buffer): string | undefined {
  if (b.includes(0)) return undefined;
  const s = b.toString('utf8');
  return Buffer.from(s, 'utf8').equals(b) ? s : undefined;
}

const gitMode = (mode: number | undefined): string => ((mode ?? 0o644) & 0o111 ? '100755' : '100644');

/** Hunks (with `\ No newline at end of file` markers) between two texts. */
function hunks(before: string, after: string): string[] {
  const patch = structuredPatch('a', 'b', before, after, undefined, undefined, { context: CONTEXT });
  const out: string[] = [];
  for (const h of patch.hunks) {
    const oldStart = h.oldLines === 0 ? h.oldStart - (h.oldStart > 0 ? 1 : 0) : h.oldStart;
    const newStart = h.newLines === 0 ? h.newStart - (h.newStart > 0 ? 1 : 0) : h.newStart;
    out.push(`@@ -${oldStart},${h.oldLines} +${newStart},${h.newLines} @@`, ...h.lines);
  }
  return out;
}

const gitBlobSha = (b: Buffer): string => createHash('sha1').update(`blob ${b.length}\0`).update(b).digest('hex');

const B85 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~';

/** git's base85 literal block: zlib data in lines of up to 52 bytes, each prefixed by its length. */
function binaryLiteral(data: Buffer): string[] {
  const z = deflateSync(data);
  const lines = [`literal ${data.length}`];
  for (let i = 0; i < z.length; i += 52) {
    const chunk = z.subarray(i, i + 52);
    const n = chunk.length;
    let line = n <= 26 ? String.fromCharCode(64 + n) : String.fromCharCode(96 + n - 26);
    for (let j = 0; j < n; j += 4) {
      let acc = 0;
      for (let k = 0; k < 4; k++) acc = acc * 256 + (chunk[j + k] ?? 0);
      let enc = '';
      for (let k = 0; k < 5; k++) {
        enc = B85[acc % 85]! + enc;
        acc = Math.floor(acc / 85);
      }
      line += enc;
    }
    lines.push(line);
  }
  lines.push('');
  return lines;
}

interface Sides {
  from?: string;
  to?: string;
  before?: Buffer;
  after?: Buffer;
  oldMode?: number;
  newMode?: number;
}

/** The mode a file had before the change (FileChange carries the new mode only). */
export type BeforeMode = (path: string) => number | undefined;

function sidesOf(c: FileChange, beforeMode: BeforeMode): Sides {
  switch (c.kind) {
    case 'create':
      return { to: c.path, after: c.after, newMode: c.mode };
    case 'delete':
      return { from: c.path, before: c.before, oldMode: c.mode };
    case 'update':
      return { from: c.path, to: c.path, before: c.before, after: c.after, oldMode: beforeMode(c.path) ?? c.mode, newMode: c.mode };
    case 'move':
      return { from: c.from, to: c.to, before: c.before, after: c.after, oldMode: beforeMode(c.from) ?? c.mode, newMode: c.mode };
  }
}

/** A patch `git apply` accepts (paths relative to the project root, which is the repo root). */
export function toGitPatch(changes: FileChange[], opts: { beforeMode?: BeforeMode } = {}): string {
  const out: string[] = [];
  for (const c of changes) {
    const s = sidesOf(c, opts.beforeMode ?? (() => undefined));
    const a = s.from ?? s.to!;
    const b = s.to ?? s.from!;
    out.push(`diff --git a/${a} b/${b}`);
    if (c.kind === 'create') out.push(`new file mode ${gitMode(s.newMode)}`);
    if (c.kind === 'delete') out.push(`deleted file mode ${gitMode(s.oldMode)}`);
    if ((c.kind === 'update' || c.kind === 'move') && gitMode(s.oldMode) !== gitMode(s.newMode))
      out.push(`old mode ${gitMode(s.oldMode)}`, `new mode ${gitMode(s.newMode)}`);
    if (c.kind === 'move') out.push(`rename from ${c.from}`, `rename to ${c.to}`);
    const before = s.before ?? Buffer.alloc(0);
    const after = s.after ?? Buffer.alloc(0);
    if (before.equals(after) && s.from && s.to) continue;
    const tb = asText(before);
    const ta = asText(after);
    if (tb === undefined || ta === undefined) {
      out.push(`index ${s.from ? gitBlobSha(before) : '0'.repeat(40)}..${s.to ? gitBlobSha(after) : '0'.repeat(40)}`);
      out.push('GIT binary patch', ...binaryLiteral(after), ...binaryLiteral(before));
      continue;
    }
    if (!tb && !ta) continue; // empty file created or deleted: the header says it all
    out.push(s.from ? `--- a/${s.from}` : '--- /dev/null', s.to ? `+++ b/${s.to}` : '+++ /dev/null', ...hunks(tb, ta));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** The changeset as a readable unified diff (optionally coloured). */
export function renderDiff(changes: FileChange[], opts: { color: boolean; beforeMode?: BeforeMode }): string {
  const c = pc.createColors(opts.color);
  const out: string[] = [];
  for (const ch of changes) {
    const s = sidesOf(ch, opts.beforeMode ?? (() => undefined));
    const title =
      ch.kind === 'move'
        ? `rename ${ch.from} -> ${ch.to}`
        : ch.kind === 'create'
          ? `new file ${ch.path}`
          : ch.kind === 'delete'
            ? `deleted ${ch.path}`
            : ch.path;
    out.push(c.bold(title));
    if (s.oldMode !== undefined && s.newMode !== undefined && s.oldMode !== s.newMode)
      out.push(c.yellow(`mode ${s.oldMode.toString(8)} -> ${s.newMode.toString(8)}`));
    const before = s.before ?? Buffer.alloc(0);
    const after = s.after ?? Buffer.alloc(0);
    if (before.equals(after)) continue;
    const tb = asText(before);
    const ta = asText(after);
    if (tb === undefined || ta === undefined) {
      out.push(c.yellow(`Binary file differs (${before.length} -> ${after.length} bytes)`));
      continue;
    }
    out.push(c.red(s.from ? `--- a/${s.from}` : '--- /dev/null'), c.green(s.to ? `+++ b/${s.to}` : '+++ /dev/null'));
    for (const line of hunks(tb, ta)) {
      const shown = line.replace(/\r$/, '');
      if (line.startsWith('@@')) out.push(c.cyan(shown));
      else if (line.startsWith('+')) out.push(c.green(shown));
      else if (line.startsWith('-')) out.push(c.red(shown));
      else if (line.startsWith('\\')) out.push(c.dim(shown));
      else out.push(shown);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
