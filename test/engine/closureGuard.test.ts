// Issue 14, "what to build" 4: after each step the engine re-resolves every process's closure
// on the staged tree and refuses, before writing anything, a step that leaves a process with
// a require that no longer resolves. A deliberately broken param (an alias sending the
// requires of common.util to a name no file has) must be refused by dry-run and apply alike.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { updatePlanStep } from '../../src/plan/planFile.ts';
import { runCli } from '../helpers/runCli.ts';
import { bytesOf, copyProject, planKeepingApart, removeProjects } from './helpers/layoutProject.ts';

afterAll(removeProjects);

describe('closure check before writing', () => {
  it('refuses a step that would break a process (APPLY-032 names it, the require and file:line:col); the tree stays byte-identical', async () => {
    const project = copyProject('root-dot');
    const plan = await planKeepingApart(project);
    const move = plan.steps.find((s) => s.transform === 'lua/move-to-runtime')!;
    await updatePlanStep(project, 'epic', move.id, (s) => {
      s.params = { ...s.params, aliases: [{ name: 'common.util', of: 'common.utill' }] };
    });
    const before = bytesOf(project.root);
    for (const args of [
      ['dry-run', move.id],
      ['apply', move.id],
    ]) {
      const r = await runCli([...args, '--project', project.root], project.root);
      expect(r.code, args[0]).toBe(2);
      expect(r.err).toContain(`APPLY-032 a/main.lua:2:14: step '${move.id}' would break 2 process(es) (a, b); nothing was written`);
      expect(r.err).toMatch(/process 'a': a\/main\.lua:2:\d+: require\("runtime\.common\.utill"\) resolves to no file/);
      expect(r.err).toMatch(/process 'b': b\/main\.lua:2:\d+: require\("runtime\.common\.utill"\)/);
    }
    expect(bytesOf(project.root)).toEqual(before);
    expect(existsSync(path.join(project.root, '.migrate', 'journal.jsonl'))).toBe(false);
    const status = await runCli(['status', '--project', project.root], project.root);
    expect(status.out).toMatch(new RegExp(`pending\\s+36\\.1\\s+${move.id.replace(/\./g, '\\.')}`));
  });
});
