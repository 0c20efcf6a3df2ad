// Story 36.2 federates a process only when its federated shell (built for real) is smaller
// than its original monolith; the others keep their steps marked skip with both sizes, unless
// the config says "federate": "always".
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/loadProject.ts';
import { planEpic } from '../../src/plan/epicPlanner.ts';

const dir = path.resolve(`test/tmp/federate-pays-${process.pid}`);
const big = `local M = {}\n${Array.from({ length: 200 }, (_, i) => `function M.f${i}(x) return x + ${i} end`).join('\n')}\nreturn M\n`;
const small = 'return { one = 1 }\n';
const files: Record<string, string> = {
  'ao-processes/alpha/main.lua': 'local lib = require("lib.big")\nlocal s = require("lib.small")\nreturn lib.f1(1)\n',
  'ao-processes/beta/main.lua': 'local lib = require("lib.big")\nreturn lib.f2(2)\n',
  'ao-processes/tiny/main.lua': 'local s = require("lib.small")\nreturn s.one\n',
  'ao-processes/lib/big.lua': big,
  'ao-processes/lib/small.lua': small,
};

function write(federate?: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), c);
  }
  const config = {
    sourceRoot: 'ao-processes',
    processes: ['alpha', 'beta', 'tiny'].map((name) => ({ name, entry: `ao-processes/${name}/main.lua` })),
    ...(federate ? { federate } : {}),
  };
  writeFileSync(path.join(dir, 'migrate.config.json'), JSON.stringify(config));
}

const stepsOf = async () => (await planEpic(loadProject({ project: dir, cwd: dir }))).steps.filter((s) => s.story === '36.2');

describe('federate only when it pays', () => {
  beforeAll(() => write());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('federates the processes whose shell beats their original monolith, keeps the tiny one as it is', async () => {
    const steps = await stepsOf();
    const byId = new Map(steps.map((s) => [s.id, s]));
    expect(byId.get('36.2-federation-loader')?.skip).toBeUndefined();
    for (const p of ['alpha', 'beta']) {
      expect(byId.get(`36.2-federate-${p}`)?.skip, p).toBeUndefined();
      expect(byId.get(`36.2-federate-${p}`)?.description).toMatch(/its shell would be \d+ B, [\d.]+% of its original monolith \(\d+ B\)/);
    }
    const tiny = byId.get('36.2-federate-tiny')!;
    expect(tiny.skip).toBe(true);
    expect(tiny.description).toMatch(/Not federated: its shell would be \d+ B, not smaller than its original monolith \(\d+ B, [\d.]+%\): it stays a monolith/);
    expect(tiny.description).toContain('"federate": "always"');
    expect(byId.get('36.2-mode-flag-tiny')?.skip).toBe(true);
  });

  it('"federate": "always" federates every process', async () => {
    write('always');
    const steps = await stepsOf();
    expect(steps.filter((s) => s.skip)).toEqual([]);
    expect(steps.find((s) => s.id === '36.2-federate-tiny')?.description).toContain('config "federate": "always"');
  });

  it('refuses an unknown federate value (CFG error, not silently auto)', () => {
    write('sometimes');
    expect(() => loadProject({ project: dir, cwd: dir })).toThrow(/federate/);
  });
});
