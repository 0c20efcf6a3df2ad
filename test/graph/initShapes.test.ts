// `migrate init` on the shapes of real AO repositories (issue 14 item 2, issue 17 item 8):
// the project's own build/deploy config is read, build output, bundles, patches, Eval scripts,
// mocks, tests, examples and experiments are skipped with a reason and an include command,
// names come from paths, a monorepo gets one source root per package, every unresolved require
// is named, and the toolkit's output folders land in .gitignore with the rest of it kept.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/config/loadProject.ts';
import { runCli } from '../helpers/runCli.ts';
import { removeShapes, writeShape } from './helpers/detectionShapes.ts';

afterAll(removeShapes);

interface InitJson {
  config: { sourceRoot: string; processes: { name: string; entry: string; sourceRoot?: string }[]; externals?: string[]; exclude: string[]; buildDir: string };
  detection: {
    skipped: { file: string; kind: string; why: string; include: string }[];
    resolution: { sites: number; resolved: number; unresolved: { file: string; name: string; reason: string }[] };
    requireSites: number;
    resolvedSites: number;
  };
  gitignore: { added: string[]; created: boolean };
}

async function init(dir: string, ...extra: string[]): Promise<InitJson> {
  const r = await runCli(['init', dir, '--json', ...extra], dir);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as InitJson;
}
const entries = (j: InitJson) => j.config.processes.map((p) => [p.name, p.entry, p.sourceRoot ?? j.config.sourceRoot]);
const skippedKinds = (j: InitJson) => Object.fromEntries(j.detection.skipped.map((s) => [s.file, s.kind]));

describe('migrate init on repository shapes', () => {
  it('monorepo of packages: one source root per package, build output and examples skipped, a library is no process', async () => {
    const dir = writeShape('monorepo');
    const j = await init(dir);
    expect(entries(j)).toEqual([
      ['ledger', 'packages/ledger/src/main.lua', 'packages/ledger/src'],
      ['votes', 'packages/votes/src/votes.lua', 'packages/votes/src'],
    ]);
    expect(skippedKinds(j)).toEqual({
      'packages/kvlib/src/kv.lua': 'library',
      'packages/ownable/src/main.lua': 'library',
      'packages/ledger/build/main.lua': 'declared-output',
      'packages/ledger/example-process.lua': 'example',
      'packages/ledger/example/demo.lua': 'example',
      'packages/ledger/example/ledger.lua': 'declared-output',
      'packages/votes/dist/votes.lua': 'declared-output',
    });
    expect(j.detection.resolvedSites).toBe(j.detection.requireSites);
    expect(j.detection.resolution.unresolved.map((u) => [u.name, u.reason])).toEqual([
      ['lsqlite3', 'external'],
      ['bit', 'optional'],
    ]);
    expect(j.config.externals).toEqual(['lsqlite3']);
    expect(loadProject({ project: dir, cwd: dir }).config.processes[1]!.sourceRoot).toBe('packages/votes/src');
  });

  it('patches, Eval scripts, mocks, specs, experiments and a bundle found by content are skipped (and excluded); an entry only a spec requires stays; same file names get their folder', async () => {
    const dir = writeShape('noise');
    const j = await init(dir);
    expect(entries(j)).toEqual([
      ['archive-dataIndex', 'archive/dataIndex.lua', 'src'],
      ['src-dataIndex', 'src/dataIndex.lua', 'src'],
    ]);
    expect(skippedKinds(j)).toEqual({
      'experiments/fast-index/main.lua': 'experiment',
      'mocks/ao.lua': 'mock',
      'patches/2025-03-01-fix-index.lua': 'patch',
      'spec/dataIndex_spec.lua': 'test',
      'tools/eval-reset.lua': 'patch',
      'vendor/aos-bundled.lua': 'bundle',
    });
    for (const s of j.detection.skipped) expect(s.include).toBe(`migrate init --include ${s.file}`);
    expect(j.config.exclude).toEqual([
      '**/tests/**',
      '**/node_modules/**',
      '**/build/**',
      'experiments/**',
      'mocks/**',
      'patches/**',
      'spec/**',
      'tools/eval-reset.lua',
      'vendor/aos-bundled.lua',
    ]);
  });

  it('the skip list is printed with reasons, and --include keeps a skipped file', async () => {
    const dir = writeShape('noise');
    const human = await runCli(['init', dir, '--dry-run'], dir);
    expect(human.out).toContain('patches/2025-03-01-fix-index.lua: in a patches folder');
    expect(human.out).toContain('-> migrate init --include mocks/ao.lua');
    const j = await init(dir, '--include', 'experiments/**');
    expect(j.config.processes.map((p) => p.entry)).toContain('experiments/fast-index/main.lua');
    expect(j.config.exclude).not.toContain('experiments/**'); // the kept entry is not excluded
    const none = await runCli(['init', writeShape('loader'), '--include', 'nothing'], dir);
    expect(none.code).toBe(0);
  });

  it('only skipped candidates: CFG-013 lists them with reasons and a --include that works, nothing written', async () => {
    const dir = writeShape('noise');
    for (const f of ['src/dataIndex.lua', 'archive/dataIndex.lua']) writeFileSync(path.join(dir, f), 'return {}\n');
    const r = await runCli(['init', dir], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('skipped mocks/ao.lua: in a mocks folder');
    expect(() => readFileSync(path.join(dir, 'migrate.config.json'))).toThrow();
    const cmd = /'(migrate init --include [^']+)'\)/.exec(r.err)?.[1];
    expect(cmd).toBeDefined();
    const again = await runCli([...cmd!.split(' ').slice(1), dir], dir);
    expect(again.code).toBe(0);
  });

  it('deploy configs name the processes: aos --load (no Handlers call needed), ao-deploy, aoform through the amalg output; luaPath gives the root', async () => {
    const dir = writeShape('deployed');
    const j = await init(dir);
    expect(entries(j)).toEqual([
      ['market', 'processes/market.lua', 'lib'],
      ['oracle', 'processes/oracle.lua', 'lib'],
      ['registry', 'processes/registry.lua', 'lib'],
    ]);
    expect(skippedKinds(j)).toEqual({ 'build/oracle.lua': 'declared-output' });
    expect(j.detection.resolvedSites).toBe(3);
    expect(j.config.buildDir).toBe('migrate-build'); // the project's own build/ is left alone
  });

  it('a top process.lua that loads handler modules through dot-names is the entry; a spec requiring the module does not count', async () => {
    const dir = writeShape('loader');
    const j = await init(dir);
    expect(j.config.processes.map((p) => p.entry)).toEqual(['process.lua']);
    expect(j.detection.resolvedSites).toBe(j.detection.requireSites);
  });

  it('.gitignore: created with the output folders; an existing one keeps every byte and gets only the missing lines', async () => {
    const dir = writeShape('loader');
    const j = await init(dir, '--dry-run');
    expect(j.gitignore.added).toEqual(['/reports/', '/build/', '/migration-plans/', '/.migrate/', '/traces/probes/']);
    expect(() => readFileSync(path.join(dir, '.gitignore'))).toThrow(); // dry run writes nothing
    // CRLF, a Latin-1 byte in a comment, no final newline: all kept.
    const before = Buffer.from('node_modules\r\n/build/\r\n# caf\u00e9\r\nreports', 'latin1');
    writeFileSync(path.join(dir, '.gitignore'), before);
    const written = await init(dir);
    expect(written.gitignore.added).toEqual(['/migration-plans/', '/.migrate/', '/traces/probes/']);
    const after = readFileSync(path.join(dir, '.gitignore'));
    expect(after.subarray(0, before.length)).toEqual(before);
    expect(after.subarray(before.length).toString()).toBe('\r\n\r\n# ao-federate (migrate) outputs\r\n/migration-plans/\r\n/.migrate/\r\n/traces/probes/\r\n');
    const again = await init(dir, '--force');
    expect(again.gitignore.added).toEqual([]);
    expect(readFileSync(path.join(dir, '.gitignore'))).toEqual(after);
  });
});
