// Links that go nowhere: a require whose file is a symlink loop (or a folder on the way is one)
// is reported as symlink-loop at the require, not as a plain unresolved name, and nothing hangs.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRequireGraph } from '../../src/graph/requireGraph.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { layoutConfig } from './helpers/layoutFixture.ts';

const tmp = path.resolve(import.meta.dirname, '../tmp');
mkdirSync(tmp, { recursive: true });
const dir = mkdtempSync(path.join(tmp, 'symlink-loop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('symlink loops', () => {
  it('reports the looping link at the require site and still builds the rest', () => {
    mkdirSync(path.join(dir, 'src', 'app'), { recursive: true });
    writeFileSync(
      path.join(dir, 'src', 'app', 'main.lua'),
      'local a = require("app.a")\nlocal b = require("app.loop")\nlocal c = require("app.cyc.x")\nHandlers.add("x", function() end)\n',
    );
    writeFileSync(path.join(dir, 'src', 'app', 'a.lua'), 'return {}\n');
    symlinkSync('loop.lua', path.join(dir, 'src', 'app', 'loop.lua'));
    symlinkSync('cyc', path.join(dir, 'src', 'app', 'cyc'));
    const config = layoutConfig({ sourceRoot: 'src', processes: [{ name: 'app', entry: 'src/app/main.lua' }] });
    const g = buildRequireGraph(config, new DiskWorkspace(dir));
    expect(g.processes[0]!.modules).toEqual(['app.a', 'app.main']);
    const loops = g.problems.filter((p) => p.kind === 'symlink-loop');
    expect(loops.map((p) => [p.path, p.line, p.message])).toEqual([
      ['src/app/main.lua', 2, 'require("app.loop"): src/app/loop.lua is a symlink loop or a dangling link'],
      ['src/app/main.lua', 3, 'require("app.cyc.x"): src/app/cyc/x.lua is a symlink loop or a dangling link'],
    ]);
    expect(g.problems.filter((p) => p.kind === 'unresolved-require')).toEqual([]);
  });
});
