// A scratch copy of the example client in the OS temp dir (outside the toolkit, so no other
// test run's glob picks up its tests) with a node_modules link to the toolkit's, and the checks every migration step must pass there: `tsc --noEmit` on the
// client tsconfig and the client's own tests, whose recorded messages are returned.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXAMPLE_DIR, TOOLKIT_ROOT } from '../../../src/config/loadProject.ts';
import type { Tree } from '../../../src/files/tree.ts';

const bin = (name: string) => path.join(TOOLKIT_ROOT, 'node_modules', '.bin', name);

export function copyClient(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ts-client-'));
  symlinkSync(path.join(TOOLKIT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  cpSync(path.join(EXAMPLE_DIR, 'client'), path.join(dir, 'client'), { recursive: true, filter: (src) => !src.includes('node_modules') });
  return dir;
}

export function removeCopy(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Writes a tree's staged changes to disk (creates, updates, deletes, moves). */
export function flush(tree: Tree, dir: string): void {
  for (const c of tree.changes()) {
    if (c.kind === 'delete') rmSync(path.join(dir, c.path));
    else if (c.kind === 'move') {
      rmSync(path.join(dir, c.from));
      mkdirSync(path.dirname(path.join(dir, c.to)), { recursive: true });
      writeFileSync(path.join(dir, c.to), c.after);
    } else {
      mkdirSync(path.dirname(path.join(dir, c.path)), { recursive: true });
      writeFileSync(path.join(dir, c.path), c.after);
    }
  }
}

/** `tsc --noEmit -p client/tsconfig.json`; throws with the compiler output on errors. */
export function typecheck(dir: string): void {
  try {
    execFileSync(bin('tsc'), ['--noEmit', '-p', path.join(dir, 'client', 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    throw new Error(`tsc failed:\n${(e as { stdout?: string }).stdout ?? e}`);
  }
}

/** Runs the client's own tests; returns the messages its scripts sent (as JSON text). */
export function clientTests(dir: string, env: Record<string, string> = {}): string {
  const out = path.join(dir, `recorded-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  try {
    execFileSync(bin('vitest'), ['run', '--root', path.join(dir, 'client')], {
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, ...env, CLIENT_RECORD_OUT: out },
    });
  } catch (e) {
    throw new Error(`client tests failed:\n${(e as { stdout?: string }).stdout ?? e}`);
  }
  return readFileSync(out, 'utf8');
}
