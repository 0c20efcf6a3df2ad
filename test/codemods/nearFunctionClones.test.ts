// Issue 16 item 4: near-identical functions (similar, not identical; same arity; no upvalues)
// in the process-only code of two processes are offered as a decision whose options run
// lua/extract-function-clone with the chosen variant for every site; a near clone inside the
// own code of ONE process is not offered (no shell would get smaller).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/loadProject.ts';
import { planEpic } from '../../src/plan/epicPlanner.ts';
import type { Plan, PlanStep } from '../../src/plan/planners/planTypes.ts';
import { runCli } from '../helpers/runCli.ts';

const dir = path.resolve(`test/tmp/near-function-clones-${process.pid}`);
// A library every process shares, large enough that federating pays.
const big = `local M = {}\n${Array.from({ length: 200 }, (_, i) => `function M.f${i}(x) return x + ${i} end`).join('\n')}\nreturn M\n`;
const clamp = (last: string) => `local function clampScore(x, lo, hi)\n  if x < lo then return lo end\n  if x > hi then return hi end\n  return ${last}\nend\n`;
const scale = (k: number) => `local function scaleValue(v, factor)\n  local r = v * factor\n  if r > 100 then r = 100 end\n  return r + ${k}\nend\n`;
// A member function of 300 bytes or more reads its table: an inline block too, which the
// inline-duplicate decision offers; no second decision for the same lines.
const render = (sep: string) =>
  `local V = {}\nfunction V.render(rows, title)\n  local out = { "== " .. title .. " ==" }\n${Array.from({ length: 6 }, (_, i) => `  out[#out + 1] = "row ${i}: " .. tostring(rows[${i + 1}])`).join('\n')}\n  return table.concat(out, "${sep}")\nend\nreturn V\n`;
const files: Record<string, string> = {
  'ao-processes/alpha/view.lua': render('\\n'),
  'ao-processes/beta/view.lua': render(', '),
  'ao-processes/alpha/main.lua': 'local lib = require("lib.big")\nlocal u = require("alpha.util")\nlocal v = require("alpha.view")\nreturn lib.f1(1), u, v\n',
  'ao-processes/alpha/util.lua': `local M = {}\n${clamp('x')}M.clampScore = clampScore\nreturn M\n`,
  // beta's copy lives in its entry and rounds: a near clone of alpha's.
  'ao-processes/beta/main.lua': `local lib = require("lib.big")\nlocal v = require("beta.view")\n${clamp('math.floor(x)')}return lib.f2(2), clampScore(3, 1, 2), v\n`,
  // gamma's two near copies of scaleValue are its own code only: not a candidate.
  'ao-processes/gamma/main.lua': 'local lib = require("lib.big")\nlocal a = require("gamma.a")\nlocal b = require("gamma.b")\nreturn lib.f3(3), a, b\n',
  'ao-processes/gamma/a.lua': `local A = {}\n${scale(1)}A.scaleValue = scaleValue\nreturn A\n`,
  'ao-processes/gamma/b.lua': `local B = {}\n${scale(2)}B.scaleValue = scaleValue\nreturn B\n`,
  'ao-processes/lib/big.lua': big,
};
const ID = '36.1-decide-helpers-clamp-score';
const nearSteps = (plan: Plan): PlanStep[] => plan.steps.filter((s) => s.decision?.transform === 'lua/extract-function-clone');
const planOf = (root: string): Plan => JSON.parse(readFileSync(path.join(root, 'migration-plans/epic.plan.json'), 'utf8')) as Plan;

describe('near-identical function clones', () => {
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const [p, c] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      writeFileSync(path.join(dir, p), c);
    }
    const config = { sourceRoot: 'ao-processes', processes: ['alpha', 'beta', 'gamma'].map((name) => ({ name, entry: `ao-processes/${name}/main.lua` })) };
    writeFileSync(path.join(dir, 'migrate.config.json'), JSON.stringify(config));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('offers one decision for the clone across two processes, none for the clone inside gamma', async () => {
    const plan = await planEpic(loadProject({ project: dir, cwd: dir }));
    const near = nearSteps(plan);
    expect(near.map((s) => s.id)).toEqual([ID]);
    expect(new Set(plan.steps.map((s) => s.id)).size).toBe(plan.steps.length);
    const step = near[0]!;
    expect(step.decision!.options.map((o) => o.id)).toEqual(['use-ao-processes-alpha-util-lua', 'use-ao-processes-beta-main-lua', 'keep-apart']);
    expect(step.decision!.options[1]!.label).toBe('Use the function of ao-processes/beta/main.lua everywhere (behaviour change)');
    expect(step.decision!.options[1]!.params).toEqual({
      module: 'helpers.clamp-score',
      name: 'clampScore',
      sites: [
        { file: 'ao-processes/beta/main.lua', target: 'clampScore' },
        // the differing site keeps its own text, so the inverse restores it byte for byte
        { file: 'ao-processes/alpha/util.lua', target: 'clampScore', tail: clamp('x').slice('local function clampScore'.length, -1) },
      ],
      acceptDifferences: true,
    });
    expect(step.decision!.diff).toContain('-  return x\n+  return math.floor(x)');
    expect(step.behaviourChange).toContain('behaviour');
    expect(JSON.stringify(plan.steps)).not.toContain('gamma/a.lua');
    const inline = plan.steps.filter((s) => s.decision?.transform === 'lua/extract-inline-duplicate');
    expect(inline.map((s) => s.description)).toEqual([expect.stringContaining('ao-processes/alpha/view.lua:2-11, ao-processes/beta/view.lua:2-11')]);
  });

  it('decide picks a variant by id and plans again at once (choice kept, measured); apply --all runs it and the rest', async () => {
    const root = `${dir}-pick`;
    cpSync(dir, root, { recursive: true });
    try {
      expect((await runCli(['plan', '--project', root], root)).code).toBeLessThan(2);
      const list = await runCli(['decide', ID, '--project', root], root);
      expect(list.out).toContain('use-ao-processes-beta-main-lua');
      const pick = await runCli(['decide', ID, 'use-ao-processes-beta-main-lua', '--project', root], root);
      expect(pick.code, pick.err).toBe(0);
      expect(pick.out).toContain('re-planned epic');
      const step = planOf(root).steps.find((s) => s.id === ID)!;
      expect(step.decision!.choice).toBe('use-ao-processes-beta-main-lua');
      // measured as the other steps are: both shells lose their copy, the runtime gains the helper
      const impact = Object.fromEntries(step.sizeImpact.map((i) => [i.process, i.afterBytes - i.beforeBytes]));
      expect(Object.keys(impact).sort()).toEqual(['alpha', 'beta', 'runtime']);
      expect([impact.alpha! < 0, impact.beta! < 0, impact.runtime! > 0]).toEqual([true, true, true]);
      // no `migrate plan` in between: the steps after the choice were planned on what it writes
      expect((await runCli(['decide', '--all', 'keep-apart', '--project', root], root)).code).toBe(0);
      const apply = await runCli(['apply', '--all', '--project', root], root);
      expect(apply.code, apply.err).toBe(0);
      const read = (p: string) => readFileSync(path.join(root, p), 'utf8');
      expect(read('ao-processes/runtime/helpers/clamp-score.lua')).toContain('return math.floor(x)');
      // the copy became a binding (the later steps load the helper through the federation loader)
      expect(read('ao-processes/alpha/util.lua')).toMatch(/local clampScore = .*"runtime\.helpers\.clamp-score".*\.clampScore\n/);
      expect(read('ao-processes/alpha/util.lua')).not.toContain('math.floor');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('decide --all keep-apart keeps the functions where they are', async () => {
    const root = `${dir}-keep`;
    cpSync(dir, root, { recursive: true });
    try {
      expect((await runCli(['plan', '--project', root], root)).code).toBeLessThan(2);
      const all = await runCli(['decide', '--all', 'keep-apart', '--project', root], root);
      expect(all.code, all.err).toBe(0);
      expect((await runCli(['plan', '--project', root], root)).code).toBeLessThan(2);
      const step = planOf(root).steps.find((s) => s.id === ID)!;
      expect([step.decision!.choice, step.sizeImpact]).toEqual(['keep-apart', []]);
      expect(planOf(root).steps.some((s) => s.transform === 'lua/extract-function-clone')).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
