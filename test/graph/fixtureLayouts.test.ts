// The require graph on the hand-written layouts of test/fixtures/lua-layouts: every require
// form, per-process copied folders, a symlinked shared folder, a nested source root.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { buildRequireGraph, moduleNameForPath, resolveModule } from '../../src/graph/requireGraph.ts';
import { findRequires } from '../../src/graph/requireSites.ts';
import { applyTextEdits, encodeLua, parseLua } from '../../src/parse/luaSource.ts';
import { copyLayout, LAYOUTS_DIR, layoutConfig, removeLayoutCopies } from './helpers/layoutFixture.ts';

afterAll(removeLayoutCopies);

const fixtureConfig = (dir: string) => layoutConfig(JSON.parse(readFileSync(path.join(dir, 'migrate.config.json'), 'utf8')));
const COPIED_PROCESSES = ['coordinator', 'battle', 'pokemon', 'economy', 'admin'];
const copiedConfig = () =>
  layoutConfig({
    sourceRoot: 'ao-processes',
    processes: COPIED_PROCESSES.map((name) => ({ name, entry: `ao-processes/${name}/main.lua` })),
  });

describe('syntax-zoo: require forms', () => {
  const dir = path.join(LAYOUTS_DIR, 'syntax-zoo');
  const main = parseLua(readFileSync(path.join(dir, 'main.lua')), 'main.lua');

  it('finds every literal require with its form, and nothing in strings, comments or through a local require', () => {
    const { sites } = findRequires(main.ast!);
    expect(sites.map((s) => [s.name, s.form])).toEqual([
      ['a.b', 'bare-string'],
      ['x', 'long-string'],
      ['game-logic.rng.battle-rng', 'long-string'],
      ['json', 'pcall'],
      ['lib.optional', 'pcall'],
      ['lib.util', 'paren'],
      ['.bint', 'paren'],
      ['.crypto.digest', 'paren'],
      ['lib.p', 'paren'],
      ['lib.q', 'paren'],
      ['lib.crlf', 'paren'],
      ['lib.bom', 'paren'],
    ]);
    expect(sites.some((s) => s.name.startsWith('fake.') || s.name === 'not.a.module')).toBe(false);
  });

  it('ranges slice back to the literal and the call as written', () => {
    const { sites } = findRequires(main.ast!);
    for (const s of sites) expect(main.text.slice(...s.literalRange)).toBe(s.raw);
    const long = sites.find((s) => s.name === 'game-logic.rng.battle-rng')!;
    expect(long.raw).toBe('[==[game-logic.rng.battle-rng]==]');
    expect(main.text.slice(...long.callRange)).toBe('require [==[game-logic.rng.battle-rng]==]');
    const guarded = sites.find((s) => s.name === 'json')!;
    expect(main.text.slice(...guarded.callRange)).toBe("pcall(require, 'json')");
    const [p, q] = sites.filter((s) => s.name === 'lib.p' || s.name === 'lib.q');
    expect(p!.line).toBe(q!.line);
    expect(q!.column).toBeGreaterThan(p!.column);
    expect(sites.find((s) => s.name === 'lib.util')!.assignedGlobal).toBe('Util');
  });

  it('reports non-literal requires as dynamic, quoted as written', () => {
    const { dynamic } = findRequires(main.ast!, main.text);
    expect(dynamic.map((d) => d.expression)).toEqual(['name', '"a." .. suffix']);
    expect(dynamic.map((d) => d.line)).toEqual([25, 29]);
  });

  it('builds the closure: dependencies first, entry last, built-ins apart, one problem per unresolved or dynamic site', () => {
    const g = buildRequireGraph(fixtureConfig(dir), new DiskWorkspace(dir));
    const zoo = g.processes[0]!;
    expect(zoo.modules.at(-1)).toBe('main');
    expect(new Set(zoo.modules)).toEqual(new Set(['a.b', 'x', 'game-logic.rng.battle-rng', 'lib.util', 'lib.p', 'lib.q', 'lib.crlf', 'lib.bom', 'main']));
    expect(zoo.builtins).toEqual(['.bint', '.crypto.digest', 'json']);
    expect(g.problems.map((p) => [p.kind, p.line])).toEqual([
      ['unresolved-require', 6],
      ['dynamic-require', 25],
      ['dynamic-require', 29],
    ]);
    expect(g.problems[0]!.message).toContain('lib.optional');
  });

  it('a module without a final return and without a final newline is a module like any other', () => {
    const bytes = readFileSync(path.join(dir, 'a/b.lua'));
    expect(bytes.at(-1)).not.toBe(0x0a);
    const parsed = parseLua(bytes, 'a/b.lua');
    expect(parsed.error).toBeUndefined();
    const g = buildRequireGraph(fixtureConfig(dir), new DiskWorkspace(dir));
    expect(g.modules.get('a.b')).toMatchObject({ lines: 2, bytes: bytes.length, path: 'a/b.lua' });
  });

  it('CRLF and BOM files parse, keep their bytes and take edits without touching other bytes', () => {
    const crlfBytes = readFileSync(path.join(dir, 'lib/crlf.lua'));
    const crlf = parseLua(crlfBytes, 'lib/crlf.lua');
    expect(crlf.error).toBeUndefined();
    expect(encodeLua(crlf.text, crlf.bom).equals(crlfBytes)).toBe(true);
    const at = crlf.text.indexOf('"crlf"');
    const edited = applyTextEdits(crlf.text, [{ start: at, end: at + 6, text: '"CRLF"' }]);
    expect(edited.split('\r\n').length).toBe(crlf.text.split('\r\n').length);
    expect(edited.replace('"CRLF"', '"crlf"')).toBe(crlf.text);

    const bomBytes = readFileSync(path.join(dir, 'lib/bom.lua'));
    const bom = parseLua(bomBytes, 'lib/bom.lua');
    expect(bom.bom).toBe(true);
    expect(bom.error).toBeUndefined();
    expect(bom.text.startsWith('-- starts')).toBe(true);
    expect(encodeLua(bom.text, true).equals(bomBytes)).toBe(true);
  });
});

describe('copied-modules: the same file at five paths', () => {
  it('gives each process its own copy of the correlator and shares the common modules', () => {
    const dir = path.join(LAYOUTS_DIR, 'copied-modules');
    const g = buildRequireGraph(copiedConfig(), new DiskWorkspace(dir));
    expect(g.problems).toEqual([]);
    expect(g.processes.map((p) => p.name)).toEqual(COPIED_PROCESSES);
    for (const p of g.processes) {
      expect(p.modules).toContain(`${p.name}.infra.message-correlator`);
      expect(p.modules.at(-1)).toBe(`${p.name}.main`);
      expect(p.builtins).toEqual(['json']);
    }
    const correlators = [...g.modules.values()].filter((m) => m.path.endsWith('infra/message-correlator.lua'));
    expect(correlators).toHaveLength(5);
    expect(new Set(correlators.map((m) => m.bytes)).size).toBe(1);
    expect(g.moduleProcesses.get('data.constants.enums')).toEqual(['coordinator', 'battle', 'pokemon', 'economy']);
    expect(g.moduleProcesses.get('game-logic.rng.battle-rng')).toEqual(['coordinator', 'pokemon', 'admin']);
    expect(g.moduleProcesses.get('battle.components.battle-rng')).toEqual(['battle']);
  });
});

describe('symlinked-shared: one file reached by two paths counts once', () => {
  it('maps both process-local names to the real module and counts its bytes once', () => {
    const dir = copyLayout('symlinked-shared');
    const ws = new DiskWorkspace(dir);
    const config = fixtureConfig(dir);
    expect(resolveModule(config, ws, 'battle.module.util')).toBe('src/battle/module/util.lua');
    expect(ws.realPath('src/pokemon/module/util.lua')).toBe('src/module/util.lua');
    const g = buildRequireGraph(config, ws);
    expect(g.problems).toEqual([]);
    const utilNodes = [...g.modules.values()].filter((m) => m.realPath === 'src/module/util.lua');
    expect(utilNodes).toHaveLength(1);
    const util = utilNodes[0]!;
    expect(g.moduleProcesses.get(util.name)).toEqual(['battle', 'pokemon']);
    for (const p of g.processes) {
      expect(p.modules.filter((m) => g.modules.get(m)!.realPath === 'src/module/util.lua')).toEqual([util.name]);
    }
    const realFiles = new Set([...g.modules.values()].map((m) => m.realPath));
    expect(realFiles).toEqual(new Set(['src/module/util.lua', 'src/module/logger.lua', 'src/battle/main.lua', 'src/pokemon/main.lua']));
  });
});

describe('nested-root: the source root is not the repository root', () => {
  const dir = path.join(LAYOUTS_DIR, 'nested-root');
  const processes = [
    { name: 'shop', entry: 'backend/lua/shop/main.lua' },
    { name: 'berries', entry: 'backend/lua/berries/main.lua' },
  ];

  it('resolves every require from backend/lua and none from the repository root', () => {
    const ws = new DiskWorkspace(dir);
    const good = buildRequireGraph(layoutConfig({ sourceRoot: 'backend/lua', processes }), ws);
    expect(good.problems).toEqual([]);
    expect(good.moduleProcesses.get('common.inventory')).toEqual(['shop', 'berries']);
    expect(moduleNameForPath(layoutConfig({ sourceRoot: 'backend/lua', processes }), 'backend/lua/shop/prices.lua')).toBe('shop.prices');
    const wrong = buildRequireGraph(layoutConfig({ sourceRoot: '.', processes }), ws);
    expect(wrong.problems.filter((p) => p.kind === 'unresolved-require').length).toBeGreaterThanOrEqual(3);
  });
});
