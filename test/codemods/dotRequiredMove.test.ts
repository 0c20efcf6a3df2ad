// A shared module some files require with a leading dot (`.lib.util`, which Lua's `./?.lua`
// resolves to the same file as `lib.util`). Moving it to the runtime used to rewrite only the
// `lib.util` sites: `.lib.util` kept pointing at the old path, where nothing was left, and no
// forwarder was written for the excluded spec requiring `.lib.util`. The dot spelling now moves
// as an alias (each site gets its own spelling back on revert) and counts for forwarders.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyAll, rollback } from '../../src/engine/engine.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { buildRequireGraph } from '../../src/graph/requireGraph.ts';
import { bytesOf, copyProject, planKeepingApart, removeProjects } from '../engine/helpers/layoutProject.ts';

afterAll(removeProjects);

describe('a shared module required as .lib.util', () => {
  it('moves with its dot spelling, keeps the spec working through a forwarder, and rolls back byte-exact', async () => {
    const project = copyProject('dot-required-shared');
    const original = bytesOf(project.root);
    const plan = await planKeepingApart(project);
    const move = plan.steps.find((s) => s.transform === 'lua/move-to-runtime')!;
    expect(move.params.modules).toEqual(['lib.util']);
    expect(move.params.aliases).toEqual([{ name: '.lib.util', of: 'lib.util' }]);
    await applyAll(project); // no hooks: no baseline is built
    const graph = buildRequireGraph(project.config, new DiskWorkspace(project.root));
    expect(graph.problems.filter((p) => p.kind === 'unresolved-require')).toEqual([]);
    const read = (p: string) => readFileSync(path.join(project.root, p), 'utf8');
    expect(read('src/alpha/main.lua')).not.toContain('".lib.util"');
    expect(read('src/lib/util.lua')).toContain('require("runtime.lib.util")');
    expect((await rollback(project)).mismatches).toEqual([]);
    expect(bytesOf(project.root)).toEqual(original);
  });
});
