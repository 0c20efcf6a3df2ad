// The transform contract checked on one input, through the engine's own pieces: runTransform
// (zod params, staged Tree) gives the changes; undoing those changes from their recorded
// pre-images must give the input back byte for byte; so must the transform's `inverse`;
// applying again must stage nothing; every Lua output must re-parse (checked with luaparse
// directly, an oracle independent of the front ends under test).
import luaparse from 'luaparse';
import type { ProjectConfig } from '../../src/config/projectConfig.ts';
import type { FileChange } from '../../src/files/tree.ts';
import { MemoryWorkspace } from '../../src/stage/workspace.ts';
import { createTree } from '../../src/stage/stagedTree.ts';
import { runTransform } from '../../src/transform/runTransform.ts';
import type { Transform } from '../../src/transform/types.ts';

export type Files = Record<string, Buffer>;

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function workspaceOf(files: Files): MemoryWorkspace {
  return new MemoryWorkspace(files);
}

export function filesOf(ws: { list(d?: string): string[]; read(p: string): Buffer | undefined }): Files {
  return Object.fromEntries(ws.list('').map((p) => [p, ws.read(p)!]));
}

/** Lua 5.3 parse error of a file (BOM skipped, bytes as latin1), or undefined. */
export function reparseError(bytes: Buffer): string | undefined {
  const body = bytes.subarray(0, 3).equals(BOM) ? bytes.subarray(3) : bytes;
  try {
    luaparse.parse(body.toString('latin1'), { luaVersion: '5.3', encodingMode: 'pseudo-latin1', comments: false });
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

export function applyChanges(files: Files, changes: FileChange[]): Files {
  const out = { ...files };
  for (const c of changes) {
    if (c.kind === 'create' || c.kind === 'update') out[c.path] = c.after;
    else if (c.kind === 'delete') delete out[c.path];
    else {
      delete out[c.from];
      out[c.to] = c.after;
    }
  }
  return out;
}

/** Undo from pre-images only (what the engine's journal records), checking each post-image. */
export function revertChanges(files: Files, changes: FileChange[]): { files: Files; problems: string[] } {
  const out = { ...files };
  const problems: string[] = [];
  for (const c of [...changes].reverse()) {
    const at = c.kind === 'move' ? c.to : c.path;
    if (c.kind !== 'delete' && !out[at]?.equals(c.after)) problems.push(`post-image of ${at} differs from the recorded one`);
    if (c.kind === 'create') delete out[c.path];
    else if (c.kind === 'update' || c.kind === 'delete') out[c.path] = c.before;
    else {
      delete out[c.to];
      out[c.from] = c.before;
    }
  }
  return { files: out, problems };
}

export function diffFiles(a: Files, b: Files): string[] {
  const out: string[] = [];
  for (const p of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!(p in a)) out.push(`+${p}`);
    else if (!(p in b)) out.push(`-${p}`);
    else if (!a[p]!.equals(b[p]!)) out.push(`~${p}`);
  }
  return out.sort();
}

export interface RoundTripResult {
  after: Files;
  changes: FileChange[];
  problems: string[];
}

export function checkRoundTrip(t: Transform, files: Files, params: unknown, config: ProjectConfig): RoundTripResult {
  const problems: string[] = [];
  const { changes } = runTransform(t, workspaceOf(files), params, { config, stepId: 'property' });
  const after = applyChanges(files, changes);
  for (const [p, bytes] of Object.entries(after)) {
    if (!p.endsWith('.lua')) continue;
    const err = reparseError(bytes);
    if (err) problems.push(`output ${p} does not parse: ${err}`);
  }
  const reverted = revertChanges(after, changes);
  problems.push(...reverted.problems);
  const d1 = diffFiles(files, reverted.files);
  if (d1.length) problems.push(`revert from pre-images differs: ${d1.join(' ')}`);
  const again = runTransform(t, workspaceOf(after), params, { config, stepId: 'property' }).changes;
  if (again.length) problems.push(`not idempotent: a second apply changes ${again.map((c) => (c.kind === 'move' ? c.from : c.path)).join(', ')}`);
  const inv = createTree(workspaceOf(after));
  t.inverse(inv, t.params.parse(params), { config, root: '/memory', report: () => {} });
  const d2 = diffFiles(files, applyChanges(after, inv.changes()));
  if (d2.length) problems.push(`inverse differs: ${d2.join(' ')}`);
  return { after, changes, problems };
}
