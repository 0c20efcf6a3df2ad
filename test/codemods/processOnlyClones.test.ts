// Issue 16 item 4: blocks cloned in the process-only modules of several processes (not only in
// their entries) are extraction candidates, so the shells can go below the file-level floor;
// clones within the own code of ONE process are not (no shell would get smaller).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/loadProject.ts';
import { planEpic } from '../../src/plan/epicPlanner.ts';

const dir = path.resolve(`test/tmp/process-only-clones-${process.pid}`);
const big = `local M = {}\n${Array.from({ length: 200 }, (_, i) => `function M.f${i}(x) return x + ${i} end`).join('\n')}\nreturn M\n`;
const table = (what: string) =>
  `local Rules = {\n  base = cfg.base,\n${Array.from({ length: 8 }, (_, i) => `  { kind = "${what}", text = "rule number ${i} of the long table every process keeps" },`).join('\n')}\n}\n`;
const own = (extra: string) => `local cfg = { base = 1 }\n${table('same')}${extra}return Rules\n`;
const files: Record<string, string> = {
  'ao-processes/alpha/main.lua': 'local lib = require("lib.big")\nlocal r = require("alpha.rules")\nreturn lib.f1(1), r\n',
  'ao-processes/beta/main.lua':
    'local lib = require("lib.big")\nlocal r = require("beta.rules")\nlocal o = require("beta.other")\nlocal o2 = require("beta.other2")\nreturn lib.f2(2), r, o, o2\n',
  'ao-processes/alpha/rules.lua': own(''),
  'ao-processes/beta/rules.lua': own('local x = 1\n'),
  // The same block twice inside beta's own code only: not a candidate.
  'ao-processes/beta/other.lua': `local cfg = { base = 2 }\n${table('beta-only')}return Rules\n`,
  'ao-processes/beta/other2.lua': `local cfg = { base = 3 }\n${table('beta-only')}return Rules\n`,
  'ao-processes/lib/big.lua': big,
};

describe('clones in process-only modules', () => {
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const [p, c] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      writeFileSync(path.join(dir, p), c);
    }
    const config = { sourceRoot: 'ao-processes', processes: ['alpha', 'beta'].map((name) => ({ name, entry: `ao-processes/${name}/main.lua` })) };
    writeFileSync(path.join(dir, 'migrate.config.json'), JSON.stringify(config));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('extracts a block cloned in the own modules of two processes; ignores clones inside one process', async () => {
    const plan = await planEpic(loadProject({ project: dir, cwd: dir }));
    const extracts = plan.steps.filter((s) => s.transform === 'lua/extract-inline-duplicate');
    expect(extracts).toHaveLength(1);
    const files = (extracts[0]!.params as { blocks: { file: string }[] }).blocks.map((b) => b.file).sort();
    expect(files).toEqual(['ao-processes/alpha/rules.lua', 'ao-processes/beta/rules.lua']);
    expect(extracts[0]!.skip).toBeUndefined();
  });
});
