// One engine run's view of the disk: after the engine writes a changeset (and records it),
// the session must answer exactly like a fresh look at the disk.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { SessionWorkspace } from '../../src/stage/sessionWorkspace.ts';
import { createTree } from '../../src/stage/stagedTree.ts';
import { applyChangeset } from '../../src/engine/changeset.ts';
import { JournalLog } from '../../src/engine/journal.ts';
import type { Workspace } from '../../src/files/tree.ts';
import { luaFileFacts } from '../../src/graph/luaFiles.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'session-ws-'));
  dirs.push(dir);
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), c);
  }
  return dir;
}

function view(ws: Workspace, probe: string[]): unknown {
  return {
    list: ws.list(),
    sub: ws.list('src/lib'),
    files: Object.fromEntries(ws.list().map((p) => [p, [ws.read(p)!.toString('latin1'), ws.mode(p)]])),
    exists: probe.map((p) => ws.exists(p)),
  };
}

describe('SessionWorkspace', () => {
  it('after create, update, move and delete it matches a fresh DiskWorkspace', () => {
    const dir = project({ 'src/main.lua': 'require("lib.a")\n', 'src/lib/a.lua': 'return 1\n', 'src/lib/b.lua': 'return 2\n', 'src/lib/c.lua': 'return 3\n' });
    const session = new SessionWorkspace(dir);
    expect(session.requireNames()!.filesRequiring(['lib.a'])).toEqual(['src/main.lua']);
    const probe = ['src/lib/a.lua', 'src/lib/b.lua', 'src/lib/c.lua', 'src/lib/d.lua', 'src/rt/lib/b.lua', 'src/lib/zz/e.lua'];
    expect(view(session, probe)).toEqual(view(new DiskWorkspace(dir), probe));
    for (let round = 0; round < 2; round++) {
      const tree = createTree(session);
      if (round === 0) {
        tree.write('src/lib/a.lua', 'return 10\n');
        tree.rename('src/lib/b.lua', 'src/rt/lib/b.lua');
        tree.delete('src/lib/c.lua');
        tree.write('src/lib/zz/e.lua', 'return 5\n');
        tree.write('src/lib/d.lua', 'return require("lib.b")\n');
        tree.setMode('src/lib/d.lua', 0o600);
      } else {
        tree.rename('src/rt/lib/b.lua', 'src/lib/b.lua');
        tree.write('src/lib/c.lua', 'return 33\n');
        tree.write('src/main.lua', 'require("lib.b")\n');
      }
      const changes = tree.changes();
      applyChangeset(new JournalLog(dir), { stepId: `s${round}`, transform: 't', story: 's', title: 't', paramsHash: 'x' }, changes);
      session.record(changes);
      expect(view(session, probe)).toEqual(view(new DiskWorkspace(dir), probe));
      const disk = new DiskWorkspace(dir);
      const scan = (n: string) => disk.list().filter((p) => p.endsWith('.lua') && luaFileFacts(disk.read(p)!, p).sites.some((x) => x.name === n));
      for (const n of ['lib.a', 'lib.b']) expect(session.requireNames()!.filesRequiring([n]), n).toEqual(scan(n));
    }
  });

  it('reads a project with symlinked folders afresh after each changeset', () => {
    const dir = project({ 'src/shared/x.lua': 'return 1\n', 'src/a/main.lua': 'return 0\n' });
    symlinkSync('../shared', path.join(dir, 'src/a/shared'), 'dir');
    const session = new SessionWorkspace(dir);
    expect(session.read('src/a/shared/x.lua')!.toString()).toBe('return 1\n');
    const tree = createTree(session);
    tree.write('src/shared/x.lua', 'return 2\n');
    const changes = tree.changes();
    applyChangeset(new JournalLog(dir), { stepId: 's', transform: 't', story: 's', title: 't', paramsHash: 'x' }, changes);
    session.record(changes);
    // the same file under its other path shows the new bytes too
    expect(session.read('src/a/shared/x.lua')!.toString()).toBe('return 2\n');
  });
});
