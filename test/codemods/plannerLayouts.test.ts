// The planner on a small project with the real layouts: per-process copied folders (the same
// file at three paths), a symlinked shared folder, a drifted copy, a require cycle, a `-` in
// module names, CRLF, no final newline; tight budgets so the budget notes must name modules.
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { command as planCommand } from '../../src/cli/commands/plan.ts';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/loadProject.ts';
import { createTree } from '../../src/stage/stagedTree.ts';
import { commit, snapshotOf } from '../support/treeSnapshots.ts';
import { planEpic, snapshotProject, summarisePlan, type Plan } from '../../src/plan/epicPlanner.ts';
import { luaTransforms } from '../support/luaTransforms.ts';
import { parseLua } from '../../src/parse/luaSource.ts';

const dir = path.resolve(`test/tmp/planner-layouts-${process.pid}`);
const DEBUG = process.env.DEBUG_PLAN === '1';
const utils = 'local M = {}\nfunction M.copy(t) local r = {} for k, v in pairs(t) do r[k] = v end return r end\nreturn M\n';
const rng = (args: string) =>
  `local M = {}\nlocal state = 1\nfunction M.initGlobalRNG(${args})\n  state = seed\nend\nfunction M.next()\n  state = (state * 1103515245 + 12345) % 2147483648\n  return state\nend\nfunction M.roll(n)\n  return M.next() % n + 1\nend\nreturn M\n`;

const files: Record<string, string> = {
  'migrate.config.json': JSON.stringify({
    sourceRoot: 'ao-processes',
    processes: ['alpha', 'beta', 'gamma'].map((name) => ({ name, entry: `ao-processes/${name}/main.lua` })),
    budgets: { runtimeBytes: 200, shellBytes: 1000 },
    // Processes this small gain nothing from federation; forced, so its steps are exercised.
    federate: 'always',
  }),
  'ao-processes/alpha/main.lua':
    '-- alpha\r\nlocal hh = require("alpha.handler")\r\nlocal u = require("alpha.lib.utils")\r\nlocal s = require("alpha.module.shared-state")\r\nlocal r = require "game-logic.rng"\r\nlocal ok, j = pcall(require, "json")\r\nreturn u',
  'ao-processes/beta/main.lua':
    'local u = require("beta.lib.utils")\nlocal s = require [[module.shared-state]]\nlocal r = require("beta.rng")\nlocal c = require("game-logic.cycle-a")\n',
  'ao-processes/gamma/main.lua':
    'local gh = require("gamma.handler")\nlocal u = require("gamma.lib.utils")\nlocal c = require("game-logic.cycle-a")\nlocal big = require("gamma.big")\n',
  'ao-processes/alpha/lib/utils.lua': utils,
  'ao-processes/beta/lib/utils.lua': utils,
  'ao-processes/gamma/lib/utils.lua': utils,
  'ao-processes/alpha/handler.lua':
    'local H = {}\nlocal function clamp(x, lo, hi)\n  if x < lo then return lo end\n  if x > hi then return hi end\n  return x\nend\nH.clamp = clamp\nreturn H\n',
  'ao-processes/gamma/handler.lua':
    'local G = {}\nfunction G.clamp(x, lo, hi)\n  if x < lo then return lo end\n  if x > hi then return hi end\n  return x\nend\nreturn G\n',
  'ao-processes/gamma/big.lua': `return { blob = "${'x'.repeat(1200)}" }\n`,
  'ao-processes/module/shared-state.lua': 'SharedState = SharedState or {}\n',
  'ao-processes/game-logic/rng.lua': rng('seed'),
  'ao-processes/beta/rng.lua': rng('seed, timestamp'),
  'ao-processes/game-logic/cycle-a.lua': 'local b = require("game-logic.cycle-b")\nreturn {}',
  'ao-processes/game-logic/cycle-b.lua': 'local a = require("game-logic.cycle-a")\nreturn {}',
};

describe('planEpic on real layouts', () => {
  let plan: Plan;
  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    for (const [p, c] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      writeFileSync(path.join(dir, p), c);
    }
    symlinkSync('../module', path.join(dir, 'ao-processes/alpha/module'));
    plan = await planEpic(loadProject({ project: dir, cwd: dir }), { name: 'layouts' });
    if (DEBUG)
      console.log(
        JSON.stringify(
          plan.steps.map((s) => [s.id, s.params]),
          null,
          1,
        ),
      );
  });
  afterAll(() => {
    if (!DEBUG) rmSync(dir, { recursive: true, force: true });
  });

  it('merges the copies, asks about the drifted one, moves the symlinked folder once', () => {
    const byId = new Map(plan.steps.map((s) => [s.id, s]));
    const merge = plan.steps.find((s) => s.transform === 'lua/merge-exact-copies')!;
    expect(merge.params).toMatchObject({ canonical: 'beta.lib.utils', copies: ['alpha.lib.utils', 'gamma.lib.utils'] });
    const decision = plan.steps.find((s) => s.transform === 'decision')!;
    expect(decision.decision!.options.map((o) => o.id)).toEqual(['use-game-logic-rng', 'use-beta-rng', 'keep-apart']);
    expect(decision.decision!.diff).toContain('+function M.initGlobalRNG(seed, timestamp)');
    expect(byId.get('36.1-helper-clamp')?.params).toEqual({
      module: 'helpers.clamp',
      name: 'clamp',
      sites: [
        { file: 'ao-processes/alpha/handler.lua', target: 'clamp' },
        { file: 'ao-processes/gamma/handler.lua', target: 'G.clamp' },
      ],
    });
    const move = byId.get('36.1-move-module')!;
    expect(move.params).toMatchObject({ modules: ['module.shared-state'], aliases: [{ name: 'alpha.module.shared-state', of: 'module.shared-state' }] });
    expect(plan.steps.some((s) => s.id === '36.1-move-game-logic' && (s.params.modules as string[]).join() === 'game-logic.cycle-a,game-logic.cycle-b')).toBe(
      true,
    );
  });

  it('keeps a decision taken in the previous plan and plans the rest on its result', async () => {
    const file = path.join(dir, 'migration-plans', 'layouts.plan.json');
    mkdirSync(path.dirname(file), { recursive: true });
    const taken = JSON.parse(JSON.stringify(plan)) as Plan;
    const decision = taken.steps.find((s) => s.transform === 'decision')!;
    decision.decision!.choice = 'use-game-logic-rng';
    writeFileSync(file, JSON.stringify(taken));
    const replanned = await planEpic(loadProject({ project: dir, cwd: dir }), { name: 'layouts' });
    rmSync(file);
    const again = replanned.steps.find((s) => s.id === decision.id)!;
    expect(again.decision!.choice).toBe('use-game-logic-rng');
    expect(again.reads.map((r) => r.path)).toContain('ao-processes/beta/rng.lua');
    expect(summarisePlan(replanned).decisions).toBe(0);
    // beta now requires the merged runtime rng: federated, not moved into beta's shell.
    const ws = snapshotProject(loadProject({ project: dir, cwd: dir })).ws;
    let tree = createTree(ws);
    const ctx = { config: loadProject({ project: dir, cwd: dir }).config, root: dir, report: () => {} };
    for (const s of replanned.steps) {
      const id = s.transform === 'decision' ? s.decision!.transform! : s.transform;
      const params = s.transform === 'decision' ? s.decision!.options.find((o) => o.id === s.decision!.choice)!.params! : s.params;
      const t = luaTransforms.get(id)!;
      const next = commit(tree);
      t.apply(next, t.params.parse(params), ctx);
      tree = commit(next);
    }
    expect(tree.read('ao-processes/beta/main.lua')!.toString()).toContain('Federation.require("runtime.game-logic.rng", "^1.0.0")');
    expect(tree.exists('ao-processes/beta/rng.lua')).toBe(false);
  });

  it('`migrate plan` writes the plan file, prints a summary and exits 1 over budget', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), color: false, isTTY: false, cwd: dir, env: {} };
    const code = await planCommand.run({ values: { name: 'cli', json: true }, positionals: [] }, io);
    expect(code).toBe(1);
    const summary = JSON.parse(out.join('\n'));
    expect(summary.file).toBe(path.join(dir, 'migration-plans', 'cli.plan.json'));
    expect(existsSync(summary.file)).toBe(true);
    expect(summary.stepsPerStory['36.2']).toBe(7); // the loader module, then federate + flag per process
    await expect(planCommand.run({ values: { name: '../x' }, positionals: [] }, io)).rejects.toThrow(/not a file name/);
    rmSync(path.join(dir, 'migration-plans'), { recursive: true, force: true });
  });

  it('names the modules that break a budget', () => {
    const notes = plan.steps.flatMap((s) => s.notes ?? []).filter((n) => n.startsWith('budget:'));
    expect(notes.some((n) => n.startsWith('budget: gamma shell') && n.includes('ao-processes/gamma/big.lua'))).toBe(true);
    expect(notes.some((n) => n.startsWith('budget: runtime') && n.includes('ao-processes/runtime/'))).toBe(true);
    expect(summarisePlan(plan).budgetBreaches.join()).toMatch(/gamma .* > 1000 B/);
  });

  it('applies and reverts (inverses) to the byte, every output parses', () => {
    const base = snapshotProject(loadProject({ project: dir, cwd: dir })).ws;
    const original = snapshotOf(createTree(base));
    let tree = createTree(base);
    const ctx = { config: loadProject({ project: dir, cwd: dir }).config, root: dir, report: () => {} };
    const steps = plan.steps.filter((s) => s.transform !== 'decision');
    for (const s of steps) {
      const t = luaTransforms.get(s.transform)!;
      const next = commit(tree);
      t.apply(next, t.params.parse(s.params), ctx);
      tree = commit(next);
    }
    const out = snapshotOf(tree);
    expect(out.get('ao-processes/alpha/main.lua')!.toString()).toContain('Federation.require("runtime.module.shared-state", "^1.0.0")');
    for (const [p, b] of out) if (p.endsWith('.lua')) expect(parseLua(b, p).error, p).toBeUndefined();
    for (const s of [...steps].reverse()) {
      const t = luaTransforms.get(s.transform)!;
      const next = commit(tree);
      t.inverse(next, t.params.parse(s.params), ctx);
      tree = commit(next);
    }
    const back = snapshotOf(tree);
    expect([...back.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [p, b] of original) expect(back.get(p)?.equals(b), p).toBe(true);
  });
});
