import { describe, expect, it } from 'vitest';
import { orderFolders } from '../../src/plan/planners/folderOrder.ts';
import { MemoryWorkspace } from '../../src/stage/workspace.ts';
import { configSchema } from '../../src/config/projectConfig.ts';

const config = configSchema.parse({ sourceRoot: 'src', processes: [{ name: 'p', entry: 'src/p/main.lua' }] });

describe('shared-folder move order', () => {
  it('moves a folder after the folders it requires, and folders that require each other together', () => {
    const ws = new MemoryWorkspace({
      'src/p/main.lua': 'require("zeta.a")\nrequire("alpha.b")\n',
      'src/zeta/a.lua': 'return require("mid.c")',
      'src/mid/c.lua': 'return 1',
      'src/alpha/b.lua': 'return require("omega.d")',
      'src/omega/d.lua': 'local ok = pcall(require, "alpha.b")\nreturn 2',
    });
    const folders = new Map([
      ['src/alpha', ['alpha.b']],
      ['src/mid', ['mid.c']],
      ['src/omega', ['omega.d']],
      ['src/zeta', ['zeta.a']],
    ]);
    const order = orderFolders(folders, config, ws);
    const pos = (f: string) => order.findIndex((g) => g.includes(f));
    expect(pos('src/mid')).toBeLessThan(pos('src/zeta'));
    expect(order.find((g) => g.includes('src/alpha'))).toEqual(['src/alpha', 'src/omega']);
    expect(order.flat().sort()).toEqual([...folders.keys()].sort());
  });
});
