// Issue 14, "what was seen" 5: apply rewrote a committed amalg build under an excluded folder
// (its requires said runtime.x while its preload keys kept the old names), and module names
// held as strings (package.loaded["x"]) kept pointing at the old name. Fixture build-output:
// dist/bundle.lua (excluded) preloads and requires "shared.x"; p1/p2 hold "shared.x" as a
// package.loaded key.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyAll, rollback } from '../../src/engine/engine.ts';
import { writePlan } from '../fixtures/engine/fixtureProject.ts';
import { runCli } from '../helpers/runCli.ts';
import { bytesOf, copyProject, planKeepingApart, removeProjects } from './helpers/layoutProject.ts';

afterAll(removeProjects);

describe('excluded files and module names held as strings', () => {
  it('keeps the excluded build byte-identical and moves the package.loaded keys with the requires', async () => {
    const project = copyProject('build-output');
    const original = bytesOf(project.root);
    await planKeepingApart(project);
    await applyAll(project, {});
    const after = bytesOf(project.root);
    expect(after['dist/bundle.lua']).toBe(original['dist/bundle.lua']);
    const p1 = readFileSync(path.join(project.root, 'p1/main.lua'), 'utf8');
    const p2 = readFileSync(path.join(project.root, 'p2/main.lua'), 'utf8');
    expect(p1).toContain('package.loaded["runtime.shared.x"] = nil');
    expect(p1).not.toMatch(/"shared\.x"/);
    expect(p2).toContain("package.loaded['runtime.shared.x'] or ");
    // The build preloads shared.x itself: no forwarder is left for it.
    expect(after['shared/x.lua']).toBeUndefined();
    expect(after['runtime/shared/x.lua']).toBe(original['shared/x.lua']);
    expect((await rollback(project)).mismatches).toEqual([]);
    expect(bytesOf(project.root)).toEqual(original);
  });

  it('refuses (APPLY-031, exit 2, nothing written) a step that would change an excluded file', async () => {
    const project = copyProject('build-output');
    const original = bytesOf(project.root);
    writePlan(project.root, {
      version: 1,
      name: 'epic',
      createdAt: '2026-12-05T00:00:00.000Z',
      steps: [
        {
          id: 's1',
          story: '36.1',
          title: 'Touch the build',
          transform: 'test/append-line',
          params: { file: 'dist/bundle.lua', line: '-- x' },
          dependsOn: [],
          reads: [],
          sizeImpact: [],
        },
      ],
    });
    for (const args of [
      ['dry-run', 's1'],
      ['apply', 's1'],
    ]) {
      const r = await runCli([...args, '--project', project.root], project.root);
      expect(r.code, args[0]).toBe(2);
      expect(r.err).toMatch(/APPLY-031 dist\/bundle\.lua: step 's1' would change files the config excludes:\n {2}dist\/bundle\.lua/);
    }
    expect(bytesOf(project.root)).toEqual(original);
  });
});
