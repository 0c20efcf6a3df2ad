// The one require resolver on each shape real AO repositories have: a monorepo of packages
// (one source root per process), a dot-named project module, standard libraries, an external
// (`lsqlite3`), aos builtins derived from the wasm, a runtime name resolving under runtime.dir
// whatever the process root, and an unresolved require that blocks only its own process.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRequireGraph } from '../../src/graph/requireGraph.ts';
import { buildBundleGraph } from '../../src/bundle/closure.ts';
import { buildProject } from '../../src/bundle/index.ts';
import { classifyRequire, processContext, topContext } from '../../src/graph/resolveRequire.ts';
import { ClosureWalker } from '../../src/graph/closure.ts';
import { DiskWorkspace, MemoryWorkspace } from '../../src/stage/workspace.ts';
import { MigrateError } from '../../src/errors.ts';
import { validateConfig } from '../../src/config/projectConfig.ts';
import { runCli } from '../helpers/runCli.ts';
import { copyLayout, LAYOUTS_DIR, layoutConfig, removeLayoutCopies } from './helpers/layoutFixture.ts';

afterAll(removeLayoutCopies);

const configOf = (name: string) =>
  layoutConfig(JSON.parse(readFileSync(path.join(LAYOUTS_DIR, name, 'migrate.config.json'), 'utf8')) as Record<string, unknown>);

describe('monorepo of packages: one source root per process', () => {
  const dir = path.join(LAYOUTS_DIR, 'monorepo-packages');
  const config = configOf('monorepo-packages');
  const ws = new DiskWorkspace(dir);

  it('resolves every require of each process from its own package root', () => {
    const g = buildRequireGraph(config, ws);
    expect(g.problems).toEqual([]);
    const paths = (name: string) => g.processes.find((p) => p.name === name)!.modules.map((m) => g.modules.get(m)!.path);
    expect(paths('alpha')).toEqual(['packages/alpha/src/utils.lua', 'packages/alpha/src/lib/greet.lua', 'packages/alpha/src/main.lua']);
    expect(paths('beta')).toEqual(['packages/beta/src/utils.lua', 'packages/beta/src/store/kv.lua', 'packages/beta/src/main.lua']);
    expect(new ClosureWalker(ws, config).closureOf('beta')).toEqual([
      'packages/beta/src/main.lua',
      'packages/beta/src/utils.lua',
      'packages/beta/src/store/kv.lua',
    ]);
  });

  it('bundles each process with its own `utils` (same name, two files)', () => {
    const files = buildProject({ root: dir, config }, ws, 'monolith').files;
    const text = (p: string) => files.find((f) => f.process === p)!.content;
    expect(text('alpha')).toContain('return { name = "alpha" }');
    expect(text('alpha')).not.toContain('return { name = "beta" }');
    expect(text('beta')).toContain('return { name = "beta" }');
    expect(text('beta')).toContain('package.preload["utils"]');
  });

  it('per-process patterns; a process root outside the project is refused by the schema (CFG-003 field path)', () => {
    const c = layoutConfig({
      sourceRoot: '.',
      processes: [
        { name: 'p', entry: 'a/main.lua', sourceRoot: 'a', patterns: ['?.lua'] },
        { name: 'q', entry: 'a/main.lua' },
      ],
    });
    const mem = new MemoryWorkspace({ 'a/lib/init.lua': 'return 1\n', 'a/lib.lua': 'return 2\n', 'a/only/init.lua': 'return 3\n' });
    expect(classifyRequire(c, mem, 'lib', processContext(c, 'p'))).toEqual({ kind: 'project', path: 'a/lib.lua' });
    expect(classifyRequire(c, mem, 'only', processContext(c, 'p'))).toEqual({ kind: 'unresolved', tried: ['a/only.lua'] });
    expect(classifyRequire(c, mem, 'a.only', processContext(c, 'q'))).toEqual({ kind: 'project', path: 'a/only/init.lua' });
    const bad = validateConfig({ sourceRoot: '.', processes: [{ name: 'p', entry: 'a/main.lua', sourceRoot: '../elsewhere' }] });
    expect(bad.issues).toEqual([{ path: 'processes.0.sourceRoot', message: 'must stay inside the project (no "..")' }]);
  });

  it('a runtime name resolves under runtime.dir whatever the process root', () => {
    const mem = new MemoryWorkspace({ 'runtime/json-ext.lua': 'return {}\n', 'packages/alpha/src/x.lua': 'return 1\n' });
    expect(classifyRequire(config, mem, 'runtime.json-ext', processContext(config, 'alpha'))).toEqual({ kind: 'project', path: 'runtime/json-ext.lua' });
    expect(classifyRequire(config, mem, 'x', processContext(config, 'alpha'))).toEqual({ kind: 'project', path: 'packages/alpha/src/x.lua' });
    expect(classifyRequire(config, mem, 'x', topContext(config)).kind).toBe('unresolved');
  });
});

describe('dot-named project modules, standard libraries, builtins, externals', () => {
  const config = configOf('resolution-shapes');
  const dir = path.join(LAYOUTS_DIR, 'resolution-shapes');
  const ws = new DiskWorkspace(dir);

  it('classifies each name', () => {
    const kind = (n: string) => classifyRequire(config, ws, n).kind;
    expect(kind('.utils.handlers')).toBe('project');
    expect(classifyRequire(config, ws, '.utils.handlers').path).toBe('src/utils/handlers.lua');
    for (const n of ['coroutine', 'string', 'table', 'math', 'io', 'os', 'utf8', 'debug', 'package']) expect(kind(n), n).toBe('stdlib');
    for (const n of ['json', 'ao', '.utils', '.handlers', '.bint', '.crypto', '.crypto.digest.sha2_256']) expect(kind(n), n).toBe('builtin');
    // Not provided by the aos wasm this toolkit runs (the old default list claimed them).
    for (const n of ['utils', 'handlers', 'bint', 'crypto', 'base64', '.no.such']) expect(kind(n), n).toBe('unresolved');
    expect(kind('lsqlite3')).toBe('external');
  });

  it('an embedded aos module is a project module when the project has the file', () => {
    const mem = new MemoryWorkspace({ 'src/bint.lua': 'return {}\n' });
    expect(classifyRequire(config, mem, '.bint')).toEqual({ kind: 'project', path: 'src/bint.lua' });
    // Loaded at boot: always the runtime's, whatever the project holds.
    const withJson = new MemoryWorkspace({ 'src/json.lua': 'return {}\n' });
    expect(classifyRequire(config, withJson, 'json').kind).toBe('builtin');
  });

  it('the graph: the dot-named module is in the closure; externals listed; only broken is unresolved', () => {
    const g = buildRequireGraph(config, ws);
    const app = g.processes.find((p) => p.name === 'app')!;
    const broken = g.processes.find((p) => p.name === 'broken')!;
    expect(app.modules).toEqual(['utils.handlers', 'app.main']);
    expect(g.aliases.get('.utils.handlers')).toBe('utils.handlers');
    expect(app.builtins).toEqual(['.bint', 'json']);
    expect(app.externals).toEqual(['lsqlite3']);
    expect(app.unresolved).toEqual([]);
    expect(broken.unresolved).toEqual([{ name: 'no.such.module', path: 'src/broken/main.lua', line: 3, column: 17 }]);
    expect(g.problems.map((p) => `${p.kind} ${p.path}:${p.line}`)).toEqual(['unresolved-require src/broken/main.lua:3']);
  });

  it('the bundle leaves externals and libraries out and blocks only the process that needs a missing module', () => {
    const g = buildBundleGraph(config, ws, { partial: true });
    const app = g.processes.find((p) => p.name === 'app')!;
    expect(app.blocked).toBeUndefined();
    expect(app.closure).toEqual(['.utils.handlers']);
    expect(app.externals).toEqual(['lsqlite3']);
    const blocked = g.processes.find((p) => p.name === 'broken')!.blocked!;
    expect(blocked.code).toBe('BUNDLE-002');
    expect(blocked.location).toEqual({ file: 'src/broken/main.lua', line: 3, column: 17 });
    // Without `partial` the old contract holds: the first missing module refuses the build.
    expect(() => buildBundleGraph(config, ws)).toThrow(MigrateError);
  });

  it('`migrate bundle` writes the processes that resolve and exits 2 with BUNDLE-002 file:line:col for the other', async () => {
    const copy = copyLayout('resolution-shapes');
    const r = await runCli(['bundle', '--mode', 'monolith', '--project', copy], copy);
    expect(r.code).toBe(2);
    expect(r.err).toContain('BUNDLE-002 src/broken/main.lua:3:17: process \'broken\' not built: cannot resolve require("no.such.module")');
    expect(r.err).toContain('"externals"');
    const app = readFileSync(path.join(copy, 'build/monolith/app.lua'), 'utf8');
    expect(app).toContain('package.preload[".utils.handlers"]');
    expect(app).not.toContain('package.preload["lsqlite3"]');
    expect(app).not.toContain('package.preload["coroutine"]');
    expect(existsSync(path.join(copy, 'build/monolith/broken.lua'))).toBe(false);
  });

  it('the audit reports externals and the blocked process', async () => {
    const copy = copyLayout('resolution-shapes');
    const r = await runCli(['audit', '--json', '--project', copy], copy);
    const report = JSON.parse(r.out) as { processes: { process: string; externals?: string[]; unresolved?: unknown[] }[] };
    const app = report.processes.find((p) => p.process === 'app')!;
    expect(app.externals).toEqual(['lsqlite3']);
    expect(app.unresolved).toBeUndefined();
    expect(report.processes.find((p) => p.process === 'broken')!.unresolved).toEqual([
      { name: 'no.such.module', path: 'src/broken/main.lua', line: 3, column: 17 },
    ]);
  });
});
