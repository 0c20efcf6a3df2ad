import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskWorkspace } from '../../src/stage/workspace.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ws-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('DiskWorkspace read cache', () => {
  it('never serves stale bytes: same-size rewrites in the same clock tick are seen', () => {
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    const file = path.join(dir, 'src/a.lua');
    writeFileSync(file, 'return 1\n');
    const ws = new DiskWorkspace(dir);
    expect(ws.read('src/a.lua')!.toString()).toBe('return 1\n');
    writeFileSync(file, 'return 2\n'); // same size, same inode, within the same tick
    expect(ws.read('src/a.lua')!.toString()).toBe('return 2\n');
  });

  it('gives back the same Buffer for an unchanged old file (the parse cache then skips hashing)', () => {
    const file = path.join(dir, 'src/old.lua');
    writeFileSync(file, 'return "old"\n');
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
    const ws = new DiskWorkspace(dir);
    const first = ws.read('src/old.lua');
    expect(new DiskWorkspace(dir).read('src/old.lua')).toBe(first);
    writeFileSync(file, 'return "new"\n');
    expect(ws.read('src/old.lua')!.toString()).toBe('return "new"\n');
  });
});
