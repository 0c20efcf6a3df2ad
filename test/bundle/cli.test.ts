// `migrate bundle` and `migrate size` through the CLI entry, on a small project on disk.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.ts';

function project(budgets?: { runtimeBytes: number; shellBytes: number }): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bundle-cli-'));
  const put = (p: string, t: string) => {
    mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    writeFileSync(path.join(root, p), t);
  };
  put(
    'migrate.config.json',
    JSON.stringify({
      sourceRoot: 'src',
      processes: [
        { name: 'alpha', entry: 'src/alpha/main.lua' },
        { name: 'beta', entry: 'src/beta/main.lua' },
      ],
      runtime: { dir: 'src/runtime', namespace: 'runtime', shareThreshold: 2, version: '1.0.0' },
      ...(budgets ? { budgets } : {}),
    }),
  );
  const big = `return { data = ${JSON.stringify('x'.repeat(4000))} }\n`;
  put('src/runtime/shared.lua', big);
  put('src/alpha/own.lua', 'return 1\n');
  put('src/alpha/main.lua', 'local s = Federation.require("runtime.shared", "^1.0.0")\nlocal o = require("alpha.own")\n');
  put('src/beta/main.lua', 'local s = Federation.require("runtime.shared", "^1.0.0")\n');
  return root;
}

const run = (argv: string[], cwd: string) => runCli(argv, cwd, { env: {} });

describe('migrate bundle / size', () => {
  it('bundle --mode federated writes runtime, registry and shells under buildDir', async () => {
    const root = project();
    const r = await run(['bundle', '--mode', 'federated'], root);
    expect(r.code).toBe(0);
    for (const f of ['runtime.lua', 'registry.lua', 'alpha.lua', 'beta.lua']) expect(existsSync(path.join(root, 'build', 'federated', f))).toBe(true);
    expect(readFileSync(path.join(root, 'build/federated/alpha.lua'), 'utf8')).toContain('["alpha.own"] = function(...)');
    const out = await run(['bundle', '--mode', 'monolith', '--out', 'dist', '--json'], root);
    expect(JSON.parse(out.out).files.map((f: { kind: string }) => f.kind)).toEqual(['monolith', 'monolith']);
    expect(existsSync(path.join(root, 'dist/monolith/alpha.lua'))).toBe(true);
  });

  it('bundle without a valid --mode is a CLI error (exit 2)', async () => {
    const r = await run(['bundle', '--mode', 'fast'], project());
    expect(r.code).toBe(2);
    expect(r.err).toContain("CLI-010 unknown mode 'fast'");
  });

  it('size --json has the sizes; shells are smaller than monoliths; within budget exits 0', async () => {
    const r = await run(['size', '--json'], project());
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      runtimeBytes: number;
      processes: { process: string; monolithBytes: number; shellBytes: number; hybridBytes: number; shellReductionPct: number }[];
    };
    expect(j.runtimeBytes).toBeGreaterThan(4000);
    expect(j.processes.map((p) => p.process)).toEqual(['alpha', 'beta']);
    for (const p of j.processes) {
      expect(p.shellBytes).toBeLessThan(p.monolithBytes);
      expect(p.hybridBytes).toBeGreaterThan(p.shellBytes);
      expect(p.shellReductionPct).toBeGreaterThan(0);
    }
  });

  it('size exits 1 and names the budget when a shell or the runtime is over budget', async () => {
    const r = await run(['size'], project({ runtimeBytes: 1000, shellBytes: 100_000 }));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/OVER BUDGET:\n {2}- runtime \d+ B > budget 1000 B/);
    expect(r.out).toContain('alpha');
    const min = await run(['size', '--json', '--minify'], project());
    const plain = await run(['size', '--json'], project());
    expect(JSON.parse(min.out).runtimeBytes).toBeLessThan(JSON.parse(plain.out).runtimeBytes);
  });
});
