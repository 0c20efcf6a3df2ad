// APM packages the repository itself holds (issue 15): `require("@vendor/name")` resolves to the
// project file that declares that name (a `...PackageName` local, `package.loaded[...] = X`, an
// apm.json manifest), through config.packages that init writes; a name two files claim, a
// bundle's copy and a `= nil` reset map to nothing. The process then builds and verifies on aos.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configSchema, validateConfig } from '../../src/config/projectConfig.ts';
import { classifyRequire } from '../../src/graph/resolveRequire.ts';
import { scanLua } from '../../src/graph/requireSites.ts';
import { declaredInSource } from '../../src/graph/detect/apmPackages.ts';
import { parseLua } from '../../src/parse/luaSource.ts';
import type { LuaNode } from '../../src/parse/luaAst.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { runCli } from '../helpers/runCli.ts';
import { removeShapes, writeShape } from './helpers/detectionShapes.ts';

afterAll(removeShapes);

const MAPPED = {
  '@acme/fmt': 'tools/source.lua',
  '@acme/kv-base': 'kv/base/src/kv.lua',
  '@acme/kv-batch': 'kv/batch/src/batch.lua',
  sub: 'lib/sub.lua',
};

describe('APM packages held by the repository', () => {
  it('init maps each @vendor/name a process requires to the file declaring it, and prints the mapping', async () => {
    const dir = writeShape('apm');
    const r = await runCli(['init', dir, '--json'], dir);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      config: { packages?: Record<string, string>; externals?: string[]; processes: { name: string }[] };
      detection: { ambiguousPackages: { name: string; files: string[] }[]; resolution: { unresolved: { name: string; reason: string }[] } };
    };
    expect(j.config.packages).toEqual(MAPPED);
    expect(j.config.processes.map((p) => p.name)).toEqual(['gate', 'zone']);
    expect(j.detection.ambiguousPackages).toEqual([{ name: '@acme/dup', files: ['dup/one.lua', 'dup/two.lua'] }]);
    expect(j.detection.resolution.unresolved.map((u) => [u.name, u.reason])).toEqual([
      ['@acme/dup', 'optional'],
      ['lsqlite3', 'external'],
    ]);
    // sub.lua's own preloads (sub-api, sub-store) are no require sites; lsqlite3 inside one is external
    expect(j.config.externals).toEqual(['lsqlite3']);

    const text = await runCli(['init', dir, '--dry-run'], dir);
    expect(text.out).toContain('require "@acme/kv-base" -> kv/base/src/kv.lua  (declared by kv/base/src/kv.lua:1 (local KVPackageName))');
    expect(text.out).toContain('require "@acme/kv-batch" -> kv/batch/src/batch.lua  (declared by kv/batch/src/batch.lua:4 (package.loaded))');
    expect(text.out).toContain('require "@acme/fmt" -> tools/source.lua  (declared by tools/apm.json)');
    expect(text.out).toContain('require "@acme/dup": declared by dup/one.lua and dup/two.lua; mapped to neither');
    expect(text.out).toContain('require "sub" -> lib/sub.lua  (declared by lib/sub.lua:19 (package.loaded))');
    expect(text.out).not.toMatch(/^ {2}lib\/sub\.lua: /m); // not skipped as a bundle: it is the package
  });

  it("a file's requires of names it preloads itself are no require sites", () => {
    const src = 'package.preload["a"] = function() return {} end\nlocal a = require("a")\nlocal b = require("b")\n';
    expect(scanLua(parseLua(src, 'f.lua').ast!, src).sites.map((x) => x.name)).toEqual(['b']);
  });

  it('a `package.loaded[...] = nil` reset declares nothing; a local bound to the name does', () => {
    const decl = (src: string) => declaredInSource(parseLua(src, 'f.lua').ast as unknown as LuaNode, 'f.lua', src).map((d) => d.name);
    expect(decl('package.loaded["@a/x"] = nil\nreturn {}\n')).toEqual([]);
    expect(decl('local N = "@a/x"\nlocal M = {}\npackage.loaded[N] = M\nreturn M\n')).toEqual(['@a/x']);
    expect(decl('local name = "@a/x"\nreturn {}\n')).toEqual([]); // neither ...PackageName nor package.loaded
    expect(decl('_G.package.loaded["@a/y"] = {}\n')).toEqual(['@a/y']);
  });

  it('config.packages resolves a name as a project module; a mapped file that is missing is unresolved; bad paths are refused', () => {
    const dir = writeShape('apm');
    const ws = new DiskWorkspace(dir);
    const config = configSchema.parse({ sourceRoot: '.', processes: [{ name: 'zone', entry: 'zone/src/zone.lua' }], packages: MAPPED, externals: ['@acme/*'] });
    expect(classifyRequire(config, ws, '@acme/kv-base')).toEqual({ kind: 'project', path: 'kv/base/src/kv.lua' });
    expect(classifyRequire(config, ws, '@acme/other')).toEqual({ kind: 'external' });
    const missing = configSchema.parse({ ...config, packages: { '@acme/kv-base': 'kv/gone.lua' } });
    expect(classifyRequire(missing, ws, '@acme/kv-base')).toEqual({ kind: 'unresolved', tried: ['kv/gone.lua'] });
    expect(validateConfig({ sourceRoot: '.', processes: [{ name: 'z', entry: 'z.lua' }], packages: { '@a/b': '../out.lua' } }).issues).toEqual([
      { path: 'packages.@a/b', message: 'must stay inside the project (no "..")' },
    ]);
  });

  it('the plan never moves a package file to the runtime: its callers require it by the mapped name', async () => {
    const dir = writeShape('apm');
    expect((await runCli(['init', dir], dir)).code).toBe(0);
    const cfgPath = path.join(dir, 'migrate.config.json');
    writeFileSync(cfgPath, JSON.stringify({ ...JSON.parse(readFileSync(cfgPath, 'utf8')), federate: 'always' }));
    const plan = await runCli(['plan', '--json'], dir);
    expect(plan.code).toBe(0);
    const j = JSON.parse(plan.out) as { notes: string[]; file: string };
    expect(j.notes).toContain(
      'kv/base/src/kv.lua is used by 2 processes but stays bundled in each: processes require it as "@acme/kv-base" (config "packages"), which a move to the runtime cannot rename',
    );
    const steps = (JSON.parse(readFileSync(path.resolve(dir, j.file), 'utf8')) as { steps: { id: string }[] }).steps;
    expect(steps.filter((s) => s.id.startsWith('36.1-move'))).toEqual([]);
    const applied = await runCli(['apply', '--all', '--allow-dirty'], dir);
    expect(applied.out + applied.err).not.toMatch(/APPLY-0/);
    expect(applied.code).toBe(0);
  });

  it('the process builds with the package preloaded under its APM name and verifies on aos', async () => {
    const dir = writeShape('apm');
    expect((await runCli(['init', dir], dir)).code).toBe(0);
    const built = await runCli(['bundle', '--mode', 'monolith'], dir);
    expect(built.code).toBe(0);
    const bundle = readFileSync(path.join(dir, 'build', 'monolith', 'zone.lua'), 'latin1');
    expect(bundle).toContain('package.preload["@acme/kv-base"]');
    expect(bundle).toContain('package.preload["@acme/fmt"]');
    const v = await runCli(['verify', '--skip-world', '--modes', 'monolith,federated', '--process', 'zone'], dir, { env: {} });
    expect(v.out).not.toContain('not verified');
    expect(v.out).toMatch(/zone\s+3 \/ 3\s+100 %/);
    // lsqlite3 is required only inside a function the load never calls: aos 2.0.4 runs it, not the sqlite aos
    expect(v.out).not.toContain("process 'zone' ran on");
    expect(v.code).toBe(0);
  }, 120_000);
});
