// A project whose source root is the project root ('.') and whose entry sits at that root
// (test/fixtures/lua-layouts/syntax-zoo). The codemods resolve requires through the canonical
// front end, so the closure holds every required module (the old codemod-local resolver found
// none of them under '.'), and specialisation moves nothing: the root is already the process's
// own folder (it used to compute the folder 'main.lu' from 'main.lua').
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/loadProject.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { createTree } from '../../src/stage/stagedTree.ts';
import { planEpic } from '../../src/plan/epicPlanner.ts';
import { processClosures, processHome } from '../../transforms/lua/lib/luaProject.ts';
import { specialisationOf } from '../../transforms/lua/specialise-process/index.ts';
import { federationLoader } from '../../src/bundle/loaderModule.ts';

const dir = path.resolve('test/fixtures/lua-layouts/syntax-zoo');

describe('codemods on a root-level layout (sourceRoot ".")', () => {
  const project = loadProject({ project: dir, cwd: dir });
  const ws = new DiskWorkspace(dir);

  it('reaches every required module, entry first, depth-first in require order', () => {
    expect(processClosures(ws, project.config).get('zoo')).toEqual([
      'main.lua',
      'a/b.lua',
      'x.lua',
      'game-logic/rng/battle-rng.lua',
      'lib/util.lua',
      'lib/p.lua',
      'lib/q.lua',
      'lib/crlf.lua',
      'lib/bom.lua',
    ]);
  });

  it('takes the root as the folder of a root-level entry and moves nothing into it', async () => {
    expect(processHome(project.config, 'zoo')).toEqual({ dir: '', prefix: '', entry: 'main.lua' });
    expect(specialisationOf(createTree(ws), project.config, 'zoo').exclusive).toEqual([]);
    // A one-process project has no runtime to gain from: force federation to test its steps.
    const plan = await planEpic({ ...project, config: { ...project.config, federate: 'always' } });
    expect(plan.steps.map((s) => s.transform)).not.toContain('lua/specialise-process');
    const flag = plan.steps.find((s) => s.transform === 'lua/add-hybrid-flag')!;
    // The loader module lands at runtime/ao_federate.lua (where `runtime.ao_federate` resolves
    // under '.'), outside the default runtime.dir, so this config counts it in the shell.
    // Before the flag: the sources (1488 B), the loader require line and the loader module.
    const before = 1488 + 'require("runtime.ao_federate")\n'.length + Buffer.byteLength(federationLoader(), 'latin1');
    expect(flag.sizeImpact).toEqual([{ process: 'zoo', beforeBytes: before, afterBytes: before + 230 }]);
  });
});
