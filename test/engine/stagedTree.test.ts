import { describe, expect, it } from 'vitest';
import { createTree } from '../../src/stage/stagedTree.ts';
import { MemoryWorkspace } from '../../src/stage/workspace.ts';

const ws = () => new MemoryWorkspace({ 'a.lua': 'A\n', 'b/c.lua': 'C\r\n', 'd.lua': Buffer.from([0xef, 0xbb, 0xbf, 0x41]) });

describe('StagedTree', () => {
  it('drops a write of the original bytes', () => {
    const t = createTree(ws());
    t.write('a.lua', 'changed');
    t.write('a.lua', 'A\n');
    t.write('d.lua', Buffer.from([0xef, 0xbb, 0xbf, 0x41]));
    expect(t.changes()).toEqual([]);
  });

  it('reports creates, updates and deletes in path order, reading through the overlay', () => {
    const t = createTree(ws());
    t.write('z/new.lua', 'N');
    t.write('a.lua', 'A2\n');
    t.delete('b/c.lua');
    expect(t.exists('b/c.lua')).toBe(false);
    expect(t.readText('z/new.lua')).toBe('N');
    expect(t.list()).toEqual(['a.lua', 'd.lua', 'z/new.lua']);
    expect(t.changes().map((c) => `${c.kind} ${c.kind === 'move' ? c.from : c.path}`)).toEqual(['update a.lua', 'delete b/c.lua', 'create z/new.lua']);
  });

  it('reports a rename as one move, a rename chain as one move, and a rename back as nothing', () => {
    const t = createTree(ws());
    t.rename('a.lua', 'x/a.lua');
    t.rename('x/a.lua', 'y/a.lua');
    const [c] = t.changes();
    expect(t.changes()).toHaveLength(1);
    expect(c).toMatchObject({ kind: 'move', from: 'a.lua', to: 'y/a.lua' });
    const back = createTree(ws());
    back.rename('a.lua', 'x.lua');
    back.rename('x.lua', 'a.lua');
    expect(back.changes()).toEqual([]);
  });

  it('a created then deleted file is no change; a move onto an existing file is a delete plus an update', () => {
    const t = createTree(ws());
    t.write('tmp.lua', 'x');
    t.delete('tmp.lua');
    expect(t.changes()).toEqual([]);
    t.rename('a.lua', 'd.lua');
    expect(t.changes().map((c) => c.kind)).toEqual(['delete', 'update']);
    expect(t.read('d.lua')?.toString()).toBe('A\n');
  });

  it('records mode changes as updates and keeps bytes exact', () => {
    const t = createTree(ws());
    t.setMode('a.lua', 0o755);
    expect(t.changes()).toMatchObject([{ kind: 'update', path: 'a.lua', mode: 0o755 }]);
    t.setMode('a.lua', 0o644);
    expect(t.changes()).toEqual([]);
  });
});
