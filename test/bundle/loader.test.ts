// The federation loader (src/bundle/lua/federation.lua) on the real aos runtime: every error
// code, the version ranges, dedupe, hybrid fallback warning, status handler, live updates,
// mode switches and loading the loader twice.
import { beforeAll, describe, expect, it } from 'vitest';
import { loaderInstall } from '../../src/bundle/loaderModule.ts';
import { latin1ToUtf8 } from '../../src/bundle/luaFront.ts';
import { frontCoded } from '../../src/bundle/emit.ts';
import { bootWith, lua, luaError, type AosProcess } from './helpers.ts';

// The loader as bundles carry it: the module run once and registered under its require name.
const LOADER = latin1ToUtf8(loaderInstall('runtime.ao_federate'));

// A runtime chunk in the shape emitRuntime writes, with modules given as Lua source bodies.
function runtime(version: string, modules: Record<string, { body: string; version?: string; hash?: string }>): string {
  const list = Object.entries(modules)
    .map(
      ([name, m]) =>
        `{ name = ${JSON.stringify(name)}, version = ${JSON.stringify(m.version ?? version)}, hash = ${JSON.stringify(m.hash ?? `h-${name}-${m.version ?? version}`)}, loader = function(...) ${m.body} end }`,
    )
    .join(',\n');
  return `${LOADER}\nFederation.installRuntime({ version = ${JSON.stringify(version)}, namespace = "runtime", modules = { ${list} } })`;
}

describe('federation loader on aos', () => {
  let p: AosProcess;
  beforeAll(async () => {
    p = await bootWith([
      runtime('1.2.0', {
        'runtime.counter': { body: 'Loads = (Loads or 0) + 1; return { n = Loads }' },
        'runtime.none': { body: 'NoneRan = true' },
        'runtime.bad': { body: 'error("boom inside bad")' },
        'runtime.cyc-a': { body: 'return Federation.require("runtime.cyc-b")' },
        'runtime.cyc-b': { body: 'return Federation.require("runtime.cyc-a")' },
        'runtime.uses-plain': { body: 'return { c = require("runtime.counter") }' },
      }),
    ]);
    await lua(p, 'FEDERATION_MODE = "federated"');
  });

  it('runs a module once and hands every later require the same instance (also via plain require)', async () => {
    expect(
      await lua(
        p,
        'local a = Federation.require("runtime.counter", "^1.0.0"); local b = Federation.require("runtime.counter"); local c = require("runtime.uses-plain").c; return tostring(a == b and b == c) .. " " .. Loads',
      ),
    ).toBe('true 1');
  });

  it('stores a module returning nothing as true', async () => {
    expect(await lua(p, 'return tostring(Federation.require("runtime.none")) .. tostring(NoneRan)')).toBe('truetrue');
  });

  it.each([
    ['^1.0.0', true],
    ['^1.3.0', false],
    ['~1.2.0', true],
    ['~1.1.0', false],
    ['>=1.2.0', true],
    ['>1.2.0', false],
    ['1.2.0', true],
    ['=1.2.1', false],
    ['1.x', true],
    ['1.2.x', true],
    ['2.x', false],
    ['*', true],
    ['<2.0.0 >=1.0.0', true],
    ['^2.0.0 || ^1.1.0', true],
    ['<=1.1.9', false],
  ])('version range %s satisfied by 1.2.0: %s', async (range, ok) => {
    const out = await lua(p, `local ok, e = pcall(Federation.require, "runtime.counter", ${JSON.stringify(range)}); return ok and "ok" or e`);
    if (ok) expect(out).toBe('ok');
    else expect(out).toMatch(/^FED-002 module 'runtime.counter' 1.2.0 does not satisfy/);
  });

  it('FED-001 module missing (federated mode has no fallback)', async () => {
    expect(await luaError(p, 'Federation.require("runtime.nope", "^1.0.0")')).toContain("FED-001 module 'runtime.nope' is not in the runtime");
  });

  it('FED-003 load error carries the module error and a traceback', async () => {
    const e = await luaError(p, 'Federation.require("runtime.bad")');
    expect(e).toContain("FED-003 loading 'runtime.bad' (runtime 1.2.0) failed:");
    expect(e).toContain('boom inside bad');
    expect(e).toContain('stack traceback');
  });

  it('FED-004 cycle names the chain', async () => {
    expect(await luaError(p, 'Federation.require("runtime.cyc-a")')).toContain('FED-004 require cycle: runtime.cyc-a -> runtime.cyc-b -> runtime.cyc-a');
  });

  it('FED-005 text whose sha256 does not match is refused; a matching one loads', async () => {
    expect(await luaError(p, 'Federation.registerSource("runtime.text", { version = "1.2.0", hash = string.rep("0", 64), source = "return 42" })')).toContain(
      "FED-005 hash mismatch for 'runtime.text'",
    );
    const good = 'return 42';
    const hash = (await import('node:crypto')).createHash('sha256').update(good).digest('hex');
    expect(
      await lua(
        p,
        `Federation.registerSource("runtime.text", { version = "1.2.0", hash = "${hash}", source = ${JSON.stringify(good)} }); return Federation.require("runtime.text")`,
      ),
    ).toBe('42');
  });

  it('FED-006 isolation both ways', async () => {
    expect(await luaError(p, 'Federation.declareProcess({ "runtime.counter" })')).toContain(
      "FED-006 process module 'runtime.counter' would shadow the runtime module",
    );
    await lua(p, 'Federation.declareProcess({ "own.mod" })');
    expect(await luaError(p, 'Federation.register("own.mod", { version = "1.0.0", hash = "x", loader = function() end })')).toContain(
      "FED-006 'own.mod' is a process module",
    );
    expect(await luaError(p, 'Federation.require("own.mod")')).toContain('FED-006');
    expect(await luaError(p, 'Federation.declareProcess({ "runtime.fresh" })')).toContain('uses the runtime namespace');
  });

  it('FED-008 unknown mode', async () => {
    expect(
      await luaError(p, 'FEDERATION_MODE = "fast"; local ok, e = pcall(Federation.require, "runtime.counter"); FEDERATION_MODE = "federated"; error(e, 0)'),
    ).toContain("FED-008 unknown FEDERATION_MODE 'fast'");
  });

  it('live update: a newer compatible runtime serves LATER requires; the old instance stays with its holders', async () => {
    await lua(p, 'HeldCounter = Federation.require("runtime.counter")');
    await lua(p, runtime('1.3.0', { 'runtime.counter': { body: 'return { n = "new" }' } }));
    expect(
      await lua(
        p,
        'local c = Federation.require("runtime.counter", "^1.3.0"); return tostring(c.n) .. " " .. tostring(HeldCounter.n) .. " " .. tostring(require("runtime.counter").n) .. " " .. Federation.status().runtimeVersion',
      ),
    ).toBe('new 1 new 1.3.0');
  });

  it('FED-007 an incompatible (major) or older runtime is refused and nothing changes', async () => {
    expect(await luaError(p, runtime('2.0.0', { 'runtime.counter': { body: 'return { n = "v2" }' } }))).toContain(
      'FED-007 runtime 2.0.0 refused: incompatible with the installed runtime 1.3.0',
    );
    expect(await luaError(p, runtime('1.1.0', { 'runtime.counter': { body: 'return {}' } }))).toContain('FED-007 runtime 1.1.0 refused: older');
    expect(await lua(p, 'return Federation.require("runtime.counter").n .. " " .. Federation.status().runtimeVersion')).toBe('new 1.3.0');
  });

  it('evaluating the loader again (or an older loader) keeps the registry', async () => {
    await lua(p, LOADER);
    const older = LOADER.replace('local LOADER_VERSION = 2', 'local LOADER_VERSION = 1');
    expect(older).not.toBe(LOADER);
    await lua(p, older);
    expect(await lua(p, 'return Federation.require("runtime.counter").n .. " " .. Federation.loaderVersion')).toBe('new 2');
  });
});

describe('prune on aos', () => {
  it('drops runtime modules no shell expects; evaluating the runtime again brings them back', async () => {
    const rt = runtime('1.0.0', { 'runtime.used': { body: 'return "u"' }, 'runtime.unused': { body: 'return "x"' } });
    const p = await bootWith([rt]);
    await lua(
      p,
      'FEDERATION_MODE = "federated"; Federation.expect({ { name = "runtime.used", version = "1.0.0", hash = "h-runtime.used-1.0.0" } }); Federation.prune()',
    );
    expect(await lua(p, 'return Federation.require("runtime.used") .. " " .. tostring(Federation.modules["runtime.unused"])')).toBe('u nil');
    expect(await luaError(p, 'return Federation.require("runtime.unused")')).toContain(
      "FED-001 module 'runtime.unused' is not in the runtime, or was pruned from this process",
    );
    await lua(p, rt);
    expect(await lua(p, 'return Federation.require("runtime.unused")')).toBe('x');
  });
});

describe('modules compiled from text (runtime.lua sources)', () => {
  // Sources as text, as runtime.lua carries them: compiled at first require (or by prune).
  const fromText = (modules: Record<string, string>) =>
    `${LOADER}\nFederation.installRuntime({ version = "1.0.0", namespace = "runtime", modules = { ${Object.entries(modules)
      .map(([name, source]) => `{ name = ${JSON.stringify(name)}, version = "1.0.0", hash = "h-${name}", source = ${JSON.stringify(source)} }`)
      .join(', ')} } })`;

  it("share the loader's globals, except a module that assigns _ENV, which keeps its own", async () => {
    const p = await bootWith([
      fromText({
        'runtime.plain': 'PlainWasHere = true return { where = function() return PlainWasHere end, later = function() PlainLater = true end }',
        'runtime.own-env': '_ENV = setmetatable({ Marker = "own" }, { __index = _G }) Seen = Marker return { seen = function() return Seen end }',
      }),
    ]);
    expect(await lua(p, 'return tostring(Federation.require("runtime.plain").where()) .. " " .. tostring(PlainWasHere)')).toBe('true true');
    // the module's own _ENV took its global; the process's globals are untouched
    expect(await lua(p, 'return Federation.require("runtime.own-env").seen() .. " " .. tostring(Seen) .. " " .. tostring(Marker)')).toBe('own nil nil');
    // a module loaded before it still writes the process's globals (the shared _ENV was not replaced)
    expect(await lua(p, 'Federation.require("runtime.plain").later() return tostring(PlainLater)')).toBe('true');
  });

  it("report errors at the loader's chunk name, as a monolith's modules do, so verify strips them alike", async () => {
    const p = await bootWith([fromText({ 'runtime.fails': 'local M = {} function M.go() error("boom") end return M' })]);
    const text = await lua(p, 'local ok, err = pcall(Federation.require("runtime.fails").go) return err');
    expect(text).toMatch(/^\[string "[^"]+"\]:1: boom$/);
  });
});

describe('front-coded expectations (what shells carry)', () => {
  it('F.expect decodes the front-coded names the build writes, any shared prefix length', async () => {
    const names = [
      'runtime.data.species.species-part-2',
      'runtime.data.species.species-part-10',
      'runtime.a',
      'runtime.data.2x',
      'runtime.data',
      'runtime.é"q',
    ];
    const coded = frontCoded(names);
    expect(coded.join(', ').length).toBeLessThan(names.join('", "').length);
    const p = await bootWith([LOADER]);
    const got = await lua(
      p,
      `Federation.expect({ ${coded.join(', ')} }); local t = {} for n in pairs(Federation.expected) do t[#t + 1] = n end table.sort(t) return table.concat(t, "|")`,
    );
    expect(got).toBe([...names].sort().join('|'));
  });
});

describe('modes on aos', () => {
  it('hybrid falls back with ONE warning line per module; federated fails; monolith ignores the runtime; switching at run time works', async () => {
    const p = await bootWith([
      runtime('1.0.0', { 'runtime.m': { body: 'return "from-runtime"' } }),
      'Federation.register("runtime.m", { origin = "fallback", version = "1.0.0", hash = "f", loader = function() return "from-fallback" end })',
      'Federation.register("runtime.only-fb", { origin = "fallback", version = "1.0.0", hash = "g", loader = function() return "fb-only" end })',
    ]);
    await lua(p, 'FEDERATION_MODE = "hybrid"');
    expect(await lua(p, 'return Federation.require("runtime.m", "^1.0.0")')).toBe('from-runtime');
    const first = await p.eval('return Federation.require("runtime.m", "^1.5.0")');
    const text = String((first.Output as { data?: string }).data ?? '');
    expect(text.match(/FED-WARN/g)?.length).toBe(1);
    expect(text).toContain("FED-WARN hybrid fallback: 'runtime.m' runtime has 1.0.0, wanted ^1.5.0; using the bundled copy 1.0.0");
    expect(text).toContain('from-fallback');
    const second = await p.eval('Federation.require("runtime.m", "^1.5.0"); return Federation.require("runtime.only-fb")');
    expect(String((second.Output as { data?: string }).data)).not.toContain("'runtime.m'");
    await lua(p, 'FEDERATION_MODE = "federated"');
    expect(await luaError(p, 'Federation.require("runtime.only-fb")')).toContain('FED-001');
    await lua(p, 'FEDERATION_MODE = "monolith"');
    expect(await lua(p, 'return Federation.require("runtime.m", "^9.0.0")')).toBe('from-fallback');
    const status = await p.send({ From: 'USER_1', Tags: { Action: 'Federation-Status' } });
    expect(status.Messages).toHaveLength(0); // the handler is only added by federated/hybrid builds
    await lua(p, 'Federation.addStatusHandler()');
    const s2 = await p.send({ From: 'USER_1', Tags: { Action: 'Federation-Status' } });
    const body = JSON.parse(s2.Messages[0]!.Data!) as { mode: string; modules: { name: string; origin: string; version: string }[] };
    expect(body.mode).toBe('monolith');
    expect(body.modules.map((m) => `${m.name}:${m.origin}:${m.version}`)).toEqual([
      'runtime.m:fallback:1.0.0',
      'runtime.m:runtime:1.0.0',
      'runtime.only-fb:fallback:1.0.0',
    ]);
  });
});
