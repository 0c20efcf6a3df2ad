// `migrate init`: detects the source root and the entries, writes a config the loader accepts,
// and refuses to overwrite one without --force.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_DIR, loadProject } from '../../src/config/loadProject.ts';
import { detectProject } from '../../src/graph/projectDetection.ts';
import { buildRequireGraph } from '../../src/graph/requireGraph.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { copyLayout, removeLayoutCopies, type LayoutName } from './helpers/layoutFixture.ts';
import { runCli as runMigrate } from '../helpers/runCli.ts';

afterAll(removeLayoutCopies);

async function initLayout(name: LayoutName) {
  const dir = copyLayout(name);
  rmSync(path.join(dir, 'migrate.config.json'), { force: true });
  const res = await runMigrate(['init', dir], dir);
  return { dir, res };
}

describe('migrate init', () => {
  it('per-process copied module folders: root ao-processes, five entries, a config the graph resolves fully', async () => {
    const { dir, res } = await initLayout('copied-modules');
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toContain('source root: ao-processes');
    const project = loadProject({ project: dir, cwd: dir });
    expect(project.config.sourceRoot).toBe('ao-processes');
    expect(project.config.processes.map((p) => [p.name, p.entry])).toEqual(
      ['admin', 'battle', 'coordinator', 'economy', 'pokemon'].map((n) => [n, `ao-processes/${n}/main.lua`]),
    );
    expect(project.config.runtime.dir).toBe('ao-processes/runtime');
    const g = buildRequireGraph(project.config, new DiskWorkspace(project.root));
    expect(g.problems).toEqual([]);
  });

  it('symlinked shared folder: root src, the shared module is not an entry', async () => {
    const { dir, res } = await initLayout('symlinked-shared');
    expect(res.code).toBe(0);
    const { config } = loadProject({ project: dir, cwd: dir });
    expect(config.sourceRoot).toBe('src');
    expect(config.processes.map((p) => p.entry)).toEqual(['src/battle/main.lua', 'src/pokemon/main.lua']);
  });

  it('a source root below the repository root is found; a tool script outside it is no entry', async () => {
    const { dir, res } = await initLayout('nested-root');
    expect(res.code).toBe(0);
    const { config } = loadProject({ project: dir, cwd: dir });
    expect(config.sourceRoot).toBe('backend/lua');
    expect(config.processes.map((p) => p.name)).toEqual(['berries', 'shop']);
    expect(config.runtime.dir).toBe('backend/lua/runtime');
  });

  it('an entry at the project root is named after the project folder; unparsable files are listed, not fatal', async () => {
    const zoo = await initLayout('syntax-zoo');
    expect(zoo.res.code).toBe(0);
    const zooConfig = loadProject({ project: zoo.dir, cwd: zoo.dir }).config;
    expect(zooConfig.sourceRoot).toBe('.');
    expect(zooConfig.processes[0]!.name).toMatch(/^layout-syntax-zoo-/);
    const bad = await initLayout('bad-inputs');
    expect(bad.res.code).toBe(0);
    expect(bad.res.out).toContain('ao-processes/lib/broken.lua');
  });

  it('refuses to overwrite an existing config without --force, and --dry-run writes nothing', async () => {
    const dir = copyLayout('symlinked-shared');
    const file = path.join(dir, 'migrate.config.json');
    const before = readFileSync(file, 'utf8');
    const refused = await runMigrate(['init', dir], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('CFG-011');
    expect(refused.err).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe(before);
    const dry = await runMigrate(['init', dir, '--dry-run', '--json'], dir);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out).written).toBeNull();
    expect(readFileSync(file, 'utf8')).toBe(before);
    const forced = await runMigrate(['init', dir, '--force'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toBe(before);
  });

  it('a folder without Lua or without entries gets a clear error', async () => {
    const dir = copyLayout('outside-project');
    rmSync(path.join(dir, 'ao-processes'), { recursive: true });
    rmSync(path.join(dir, 'migrate.config.json'));
    const empty = await runMigrate(['init', dir], dir);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('CFG-012');
    writeFileSync(path.join(dir, 'lib.lua'), 'return {}\n');
    const none = await runMigrate(['init', dir], dir);
    expect(none.code).toBe(2);
    expect(none.err).toContain('CFG-013');
    expect(existsSync(path.join(dir, 'migrate.config.json'))).toBe(false);
    const missing = await runMigrate(['init', path.join(dir, 'nope')], dir);
    expect(missing.err).toContain('CFG-010');
  });

  it('on the example monolith, detects the source root, the six entries and their traces of its hand-written config', () => {
    const { config } = loadProject({ project: EXAMPLE_DIR, cwd: EXAMPLE_DIR });
    const d = detectProject(new DiskWorkspace(EXAMPLE_DIR));
    expect(d.sourceRoot).toBe(config.sourceRoot);
    expect(d.resolvedSites).toBe(d.requireSites);
    const byName = (xs: { name: string; entry: string; traces: string[] }[]) => xs.map((p) => [p.name, p.entry, p.traces]).sort();
    expect(byName(d.entries)).toEqual(byName(config.processes));
  });
});
